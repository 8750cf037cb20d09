package org.vtl.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.MediaType;

/**
 * A cartridge's catalog entry (table 10h). Value: version(1)=1, id(8), generation(1), flags(1: bit0 WORM,
 * bit1 write-protected), native capacity(8), partition count(1), owner length(1), owner (ASCII).
 *
 * @param id             the catalog's number for the cartridge, the key of all its other entries
 * @param info           barcode, media type, flags, configured native capacity
 * @param owner          the library partition whose media it is
 * @param partitionCount number of medium partitions formatted
 */
public record CartridgeRecord(long id, CartridgeInfo info, String owner, int partitionCount) {

    private static final byte VERSION = 1;

    public byte[] encode() {
        byte[] o = owner.getBytes(StandardCharsets.US_ASCII);
        int flags = (info.worm() ? 1 : 0) | (info.writeProtected() ? 2 : 0);
        return ByteBuffer.allocate(21 + o.length).put(VERSION).putLong(id).put((byte) info.mediaType().generation())
                .put((byte) flags).putLong(info.nativeCapacity()).put((byte) partitionCount).put((byte) o.length)
                .put(o).array();
    }

    public static CartridgeRecord decode(String barcode, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        if (b.get() != VERSION) {
            throw new CatalogException("unknown cartridge record version for " + barcode);
        }
        long id = b.getLong();
        MediaType type = MediaType.values()[b.get() - 5];
        int flags = b.get();
        long capacity = b.getLong();
        int partitions = b.get();
        byte[] o = new byte[Byte.toUnsignedInt(b.get())];
        b.get(o);
        CartridgeInfo info = new CartridgeInfo(barcode, type, (flags & 1) != 0, (flags & 2) != 0, capacity);
        return new CartridgeRecord(id, info, new String(o, StandardCharsets.US_ASCII), partitions);
    }

    public CartridgeRecord withInfo(CartridgeInfo newInfo) {
        return new CartridgeRecord(id, newInfo, owner, partitionCount);
    }

    public CartridgeRecord withPartitionCount(int count) {
        return new CartridgeRecord(id, info, owner, count);
    }
}
