package org.vtl.cartridge.segment;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C over absolute ranges of a buffer without allocating (the buffer's position and limit are restored). */
public final class Crc {

    private Crc() {
    }

    public static int of(CRC32C crc, ByteBuffer buffer, int from, int length) {
        crc.reset();
        update(crc, buffer, from, length);
        return (int) crc.getValue();
    }

    public static void update(CRC32C crc, ByteBuffer buffer, int from, int length) {
        int position = buffer.position();
        int limit = buffer.limit();
        buffer.limit(buffer.capacity()).position(from).limit(from + length);
        crc.update(buffer);
        buffer.limit(buffer.capacity()).position(position).limit(limit);
    }
}
