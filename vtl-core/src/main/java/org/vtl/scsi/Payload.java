package org.vtl.scsi;

import java.nio.ByteBuffer;

/**
 * Payload bytes crossing a module boundary: direct {@link ByteBuffer} views with an explicit owner.
 *
 * <p>The buffers are read between {@code position} and {@code limit}; a consumer must not change
 * them. Whoever receives a payload either passes it on or calls {@link #release()} exactly once,
 * after which the buffers must not be touched (the transport may reuse their memory).
 * Never {@code byte[]}: see docs/adr/0002-payload-type.md.
 */
public interface Payload {

    /** A payload with no bytes. */
    Payload EMPTY = of();

    /** The views, in order; their remaining bytes together are {@link #length()} bytes. */
    ByteBuffer[] buffers();

    /** Total number of payload bytes. */
    int length();

    /** Returns the memory to its owner. Idempotence is not required: call it once. */
    void release();

    /** Wraps buffers owned by the garbage collector (small control data, tests); release does nothing. */
    static Payload of(ByteBuffer... buffers) {
        return new HeapOwnedPayload(buffers);
    }

    /** Copies out the bytes; for tests and small control data only, never on the data path. */
    default byte[] toByteArray() {
        byte[] out = new byte[length()];
        int at = 0;
        for (ByteBuffer b : buffers()) {
            int n = b.remaining();
            b.duplicate().get(out, at, n);
            at += n;
        }
        return out;
    }

    /** A payload whose memory the garbage collector owns. */
    record HeapOwnedPayload(ByteBuffer[] buffers, int length) implements Payload {
        HeapOwnedPayload(ByteBuffer[] buffers) {
            this(buffers, remaining(buffers));
        }

        private static int remaining(ByteBuffer[] buffers) {
            long n = 0;
            for (ByteBuffer b : buffers) {
                n += b.remaining();
            }
            return Math.toIntExact(n);
        }

        @Override
        public void release() {
            // Nothing to return: the garbage collector owns the memory.
        }
    }
}
