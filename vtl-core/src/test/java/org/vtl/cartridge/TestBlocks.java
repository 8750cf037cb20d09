package org.vtl.cartridge;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import org.vtl.scsi.Payload;

/** Deterministic block contents and payloads that count their releases. */
public final class TestBlocks {

    private TestBlocks() {
    }

    /** {@code length} bytes whose content depends on {@code seed}. */
    public static byte[] bytes(int seed, int length) {
        byte[] b = new byte[length];
        int x = seed * 0x9E3779B1 + 1;
        for (int i = 0; i < length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            b[i] = (byte) x;
        }
        return b;
    }

    /** A payload over a direct copy of {@code data}. */
    public static Counted payload(byte[] data) {
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
        direct.put(data).flip();
        return new Counted(direct);
    }

    /** A payload of {@code bytes(seed, length)}. */
    public static Counted payload(int seed, int length) {
        return payload(bytes(seed, length));
    }

    /** Reads the next object into a fresh buffer of {@code capacity} and returns the copied bytes. */
    public static byte[] copied(ByteBuffer buffer) {
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** A payload over one direct buffer that counts {@link #release()} calls. */
    public static final class Counted implements Payload {
        private final ByteBuffer buffer;
        private final AtomicInteger releases = new AtomicInteger();

        Counted(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer[] buffers() {
            return new ByteBuffer[] {buffer};
        }

        @Override
        public int length() {
            return buffer.remaining();
        }

        @Override
        public void release() {
            releases.incrementAndGet();
        }

        public int releases() {
            return releases.get();
        }
    }
}
