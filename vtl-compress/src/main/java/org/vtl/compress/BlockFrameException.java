package org.vtl.compress;

/**
 * A block frame could not be written or read; {@link #status()} says why. Thrown only on the failure path.
 */
public final class BlockFrameException extends Exception {

    private final BlockStatus status;

    public BlockFrameException(BlockStatus status, String message) {
        super(status + ": " + message);
        if (status == BlockStatus.OK) {
            throw new IllegalArgumentException("OK is not a failure");
        }
        this.status = status;
    }

    public BlockStatus status() {
        return status;
    }
}
