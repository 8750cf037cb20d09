package org.vtl.scsi.ssc;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.vtl.scsi.Payload;

/**
 * Direct buffers for READ Data-In, pooled by power-of-two size class so a streaming reader allocates
 * nothing per block: the transport releases the payload after sending and the buffer returns here.
 */
final class BufferPool {

    private static final int MIN_SHIFT = 12;
    private static final int CLASSES = 13; // 4 KiB .. 16 MiB
    private static final int KEEP_PER_CLASS = 4;

    @SuppressWarnings("unchecked")
    private final ConcurrentLinkedQueue<ByteBuffer>[] free = new ConcurrentLinkedQueue[CLASSES];

    BufferPool() {
        for (int i = 0; i < CLASSES; i++) {
            free[i] = new ConcurrentLinkedQueue<>();
        }
    }

    /** A cleared direct buffer of at least {@code length} bytes, limit {@code length}. */
    ByteBuffer take(int length) {
        int c = sizeClass(length);
        ByteBuffer b = c < CLASSES ? free[c].poll() : null;
        if (b == null) {
            b = ByteBuffer.allocateDirect(c < CLASSES ? 1 << (c + MIN_SHIFT) : length);
        }
        b.clear().limit(length);
        return b;
    }

    /** Wraps {@code buffer}'s bytes [0, length) as a payload that returns the buffer on release. */
    Payload payload(ByteBuffer buffer, int length) {
        ByteBuffer view = buffer.duplicate().position(0).limit(length);
        AtomicBoolean released = new AtomicBoolean();
        ByteBuffer[] views = {view};
        return new Payload() {
            @Override
            public ByteBuffer[] buffers() {
                return views;
            }

            @Override
            public int length() {
                return length;
            }

            @Override
            public void release() {
                if (released.compareAndSet(false, true)) {
                    give(buffer);
                }
            }
        };
    }

    void give(ByteBuffer buffer) {
        int c = sizeClass(buffer.capacity());
        if (c < CLASSES && buffer.capacity() == 1 << (c + MIN_SHIFT) && free[c].size() < KEEP_PER_CLASS) {
            free[c].offer(buffer);
        }
    }

    private static int sizeClass(int length) {
        int shift = 32 - Integer.numberOfLeadingZeros(Math.max(length, 1) - 1);
        return Math.max(0, shift - MIN_SHIFT);
    }
}
