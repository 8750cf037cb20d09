package org.vtl.scsi;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A view of {@code length} bytes at {@code offset} of a parent payload. Views of one parent share a
 * reference count; the parent is released when the last view is released (fixed-mode WRITE splits one
 * Data-Out into blocks, logical block protection strips the CRC). No payload bytes are copied.
 */
public final class SlicedPayload implements Payload {

    private final ByteBuffer[] buffers;
    private final int length;
    private final Shared shared;

    private SlicedPayload(ByteBuffer[] buffers, int length, Shared shared) {
        this.buffers = buffers;
        this.length = length;
        this.shared = shared;
    }

    /** Views over one parent; the parent is released after every returned view has been released. */
    public static Payload[] split(Payload parent, int[] offsets, int[] lengths) {
        Shared shared = new Shared(parent, offsets.length);
        Payload[] out = new Payload[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            out[i] = new SlicedPayload(views(parent.buffers(), offsets[i], lengths[i]), lengths[i], shared);
        }
        return out;
    }

    /** One view; releasing it releases the parent. */
    public static Payload of(Payload parent, int offset, int length) {
        return split(parent, new int[] {offset}, new int[] {length})[0];
    }

    /** Buffer views covering [offset, offset+length) of the buffers' remaining bytes. */
    public static ByteBuffer[] views(ByteBuffer[] source, int offset, int length) {
        List<ByteBuffer> out = new ArrayList<>(2);
        int skip = offset;
        int want = length;
        for (ByteBuffer b : source) {
            int n = b.remaining();
            if (skip >= n) {
                skip -= n;
                continue;
            }
            int take = Math.min(n - skip, want);
            if (take > 0) {
                out.add(b.slice(b.position() + skip, take));
                want -= take;
            }
            skip = 0;
            if (want == 0) {
                break;
            }
        }
        return out.toArray(ByteBuffer[]::new);
    }

    @Override
    public ByteBuffer[] buffers() {
        return buffers;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void release() {
        shared.release();
    }

    private static final class Shared {
        private final Payload parent;
        private final AtomicInteger references;

        Shared(Payload parent, int references) {
            this.parent = parent;
            this.references = new AtomicInteger(references);
        }

        void release() {
            if (references.decrementAndGet() == 0) {
                parent.release();
            }
        }
    }
}
