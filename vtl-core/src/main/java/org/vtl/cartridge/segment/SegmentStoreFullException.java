package org.vtl.cartridge.segment;

import java.io.IOException;

/** The pool has no room for another segment: nothing was reserved or written. */
public final class SegmentStoreFullException extends IOException {

    private static final long serialVersionUID = 1L;

    public SegmentStoreFullException(String message) {
        super(message);
    }
}
