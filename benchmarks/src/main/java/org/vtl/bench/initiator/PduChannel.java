package org.vtl.bench.initiator;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;

/**
 * PDU framing over one blocking TCP connection: a send side shared by threads under a lock (a PDU is written
 * whole with one gathering write of header, data segment and padding) and a receive side used by one thread.
 * No digests: both are negotiated to None.
 */
final class PduChannel implements Closeable {
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocateDirect(0);

    private final SocketChannel channel;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final ByteBuffer pad = ByteBuffer.allocateDirect(4);
    private final ByteBuffer[] gather = new ByteBuffer[3];
    private final ByteBuffer discard = ByteBuffer.allocateDirect(64 * 1024);

    private PduChannel(SocketChannel channel) {
        this.channel = channel;
    }

    static PduChannel connect(InetSocketAddress portal, int timeoutMillis) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            ch.socket().connect(portal, timeoutMillis);
            return new PduChannel(ch);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    ReentrantLock sendLock() {
        return sendLock;
    }

    /** Sends one PDU; {@code data} (its position..limit) may be null. Takes the send lock itself. */
    void send(ByteBuffer bhs, ByteBuffer data) throws IOException {
        sendLock.lock();
        try {
            sendLocked(bhs, data);
        } finally {
            sendLock.unlock();
        }
    }

    /** Sends one PDU; the caller holds {@link #sendLock()}. Sets DataSegmentLength from {@code data}. */
    void sendLocked(ByteBuffer bhs, ByteBuffer data) throws IOException {
        int length = data == null ? 0 : data.remaining();
        Bhs.dataSegmentLength(bhs, length);
        bhs.clear();
        gather[0] = bhs;
        gather[1] = data == null ? EMPTY : data;
        gather[2] = pad.clear().limit(Bhs.padding(length));
        long total = Bhs.LENGTH + length + Bhs.padding(length);
        while (total > 0) {
            total -= channel.write(gather);
        }
        gather[1] = null;
    }

    /**
     * Writes {@code count} buffers of {@code iov} (several whole PDUs, headers already complete) with gathering
     * writes; the caller holds {@link #sendLock()}. One system call can carry a whole Data-Out sequence.
     */
    void writeLocked(ByteBuffer[] iov, int count, long bytes) throws IOException {
        long left = bytes;
        int first = 0;
        while (left > 0) {
            left -= channel.write(iov, first, count - first);
            while (first < count && !iov[first].hasRemaining()) {
                first++;
            }
        }
    }

    /** Reads exactly {@code dst.remaining()} bytes. */
    void readFully(ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            if (channel.read(dst) < 0) {
                throw new EOFException("target closed the connection");
            }
        }
    }

    void skip(int bytes) throws IOException {
        int left = bytes;
        while (left > 0) {
            discard.clear().limit(Math.min(left, discard.capacity()));
            readFully(discard);
            left -= discard.limit();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
