package org.vtl.iscsi.transfer;

import io.netty.buffer.ByteBuf;
import org.vtl.scsi.Payload;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Data-Out bytes handed to a logical unit: direct views of the retained Netty buffers they arrived in (no
 * copy). {@link #release()} releases those buffers and returns the bytes to the connection's
 * {@link MemoryBudget}; it may be called from any thread, once (later calls do nothing).
 */
final class NettyPayload implements Payload {

    private final ByteBuf[] parts;
    private final ByteBuffer[] views;
    private final int length;
    private final MemoryBudget budget;
    private final AtomicBoolean released = new AtomicBoolean();

    NettyPayload(List<ByteBuf> buffers, int length, MemoryBudget budget) {
        this.parts = new ByteBuf[buffers.size()];
        List<ByteBuffer> all = new ArrayList<>(buffers.size() + 2);
        for (int i = 0; i < parts.length; i++) {
            ByteBuf b = buffers.get(i);
            if (!b.isDirect()) {
                // Only test harnesses feed heap buffers; sockets read into pooled direct memory.
                ByteBuf direct = b.alloc().directBuffer(b.readableBytes());
                direct.writeBytes(b, b.readerIndex(), b.readableBytes());
                b.release();
                b = direct;
            }
            parts[i] = b;
            for (ByteBuffer v : b.nioBuffers()) {
                all.add(v);
            }
        }
        this.views = all.toArray(ByteBuffer[]::new);
        this.length = length;
        this.budget = budget;
    }

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
            for (ByteBuf b : parts) {
                b.release();
            }
            budget.release(length);
        }
    }
}
