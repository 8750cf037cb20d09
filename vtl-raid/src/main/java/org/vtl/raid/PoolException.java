package org.vtl.raid;

import java.io.IOException;

/**
 * A pool refused an operation: a member it will not assemble (foreign, duplicate, stale, too small), a
 * stripe it cannot reconstruct, or no writable group left. The message names the member path or stripe.
 */
public final class PoolException extends IOException {

    private static final long serialVersionUID = 1L;

    public PoolException(String message) {
        super(message);
    }

    public PoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
