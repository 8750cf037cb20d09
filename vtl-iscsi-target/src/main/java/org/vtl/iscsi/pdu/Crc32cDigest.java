package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C header and data digests (RFC 7143 11.1, 13.1; polynomial 0x1EDC6F41). The digest travels as the
 * CRC value in little-endian byte order, as Linux, tgt and libiscsi send it. One instance per connection,
 * used only on its event loop: it reuses one {@link CRC32C} and allocates nothing per PDU.
 */
public final class Crc32cDigest {

    public static final int LENGTH = 4;

    private final CRC32C crc = new CRC32C();
    private final byte[] padding = new byte[LENGTH];

    public void reset() {
        crc.reset();
    }

    /** Adds the readable bytes of {@code buf} without moving its reader index. */
    public void update(ByteBuf buf) {
        if (!buf.isReadable()) {
            return;
        }
        if (buf.nioBufferCount() == 1) {
            crc.update(buf.nioBuffer());
            return;
        }
        for (ByteBuffer b : buf.nioBuffers()) {
            crc.update(b);
        }
    }

    /** Adds {@code count} zero padding bytes... or whatever bytes the peer sent as padding. */
    public void updatePadding(ByteBuf source, int index, int count) {
        source.getBytes(index, padding, 0, count);
        crc.update(padding, 0, count);
    }

    /** Adds {@code count} zero padding bytes (what this side sends). */
    public void updateZeros(int count) {
        java.util.Arrays.fill(padding, (byte) 0);
        crc.update(padding, 0, count);
    }

    /** The digest as it appears on the wire read as a little-endian int. */
    public int value() {
        return (int) crc.getValue();
    }

    /** Digest of one buffer, from scratch. */
    public int digest(ByteBuf buf) {
        reset();
        update(buf);
        return value();
    }
}
