package org.vtl.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key layout of the catalog (docs/adr/0003-catalog-keys.md): one keyspace, the first byte names the table,
 * fixed-width big-endian numbers after it so byte order is numeric order and a table, a cartridge or a
 * cartridge partition is one contiguous key range.
 *
 * <pre>
 * 01                                         meta: schema version
 * 10 barcode(ASCII, 6..8)                    cartridge record
 * 20 cartridge(8) partition(1)               partition state (size, EOD, totals)
 * 21 cartridge(8) partition(1) object(8)     block index: logical object -> extent, offset, kind, totals
 * 22 cartridge(8) partition(1) filemark(8)   filemark index: filemark number -> logical object
 * 23 cartridge(8) partition(1) object(8)     segment list: first logical object -> extent, sequence
 * 30 extent(8)                               extent: locator, length, reference count
 * 40 cartridge(8) partition(1) attribute(2)  MAM host attribute
 * 50 cartridge(8)                            statistics
 * 70 namespace-length(1) namespace key...    generic state of other layers (library, elements, partitions)
 * </pre>
 */
public final class CatalogKeys {

    public static final byte META = 0x01;
    public static final byte CARTRIDGE = 0x10;
    public static final byte PARTITION = 0x20;
    public static final byte BLOCK = 0x21;
    public static final byte FILEMARK = 0x22;
    public static final byte SEGMENT = 0x23;
    public static final byte EXTENT = 0x30;
    public static final byte MAM = 0x40;
    public static final byte STATISTICS = 0x50;
    public static final byte STATE = 0x70;

    /** Length of a key of the 21h, 22h and 23h tables. */
    public static final int OBJECT_KEY_LENGTH = 18;

    private CatalogKeys() {
    }

    public static byte[] meta(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + n.length).put(META).put(n).array();
    }

    public static byte[] cartridge(String barcode) {
        byte[] b = barcode.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + b.length).put(CARTRIDGE).put(b).array();
    }

    /** First key after every cartridge record. */
    public static byte[] tableEnd(byte table) {
        return new byte[] {(byte) (table + 1)};
    }

    public static byte[] tableStart(byte table) {
        return new byte[] {table};
    }

    public static byte[] partition(long cartridge, int partition) {
        return ByteBuffer.allocate(10).put(PARTITION).putLong(cartridge).put((byte) partition).array();
    }

    /** Key of an object-numbered table (block, filemark, segment) entry. */
    public static byte[] object(byte table, long cartridge, int partition, long number) {
        return ByteBuffer.allocate(OBJECT_KEY_LENGTH).put(table).putLong(cartridge).put((byte) partition)
                .putLong(number).array();
    }

    /** Writes an object-numbered key into a reusable buffer (position 0..18, flipped). */
    public static ByteBuffer object(ByteBuffer into, byte table, long cartridge, int partition, long number) {
        into.clear();
        into.put(table).putLong(cartridge).put((byte) partition).putLong(number).flip();
        return into;
    }

    /** The number at the end of an object-numbered key. */
    public static long objectNumber(byte[] key) {
        return ByteBuffer.wrap(key).getLong(10);
    }

    /** First key after every entry of {@code table} for the cartridge partition. */
    public static byte[] objectEnd(byte table, long cartridge, int partition) {
        return ByteBuffer.allocate(10).put(table).putLong(cartridge).put((byte) (partition + 1)).array();
    }

    /** First key of a whole cartridge in a cartridge-keyed table (20h..23h, 40h, 50h). */
    public static byte[] cartridgeStart(byte table, long cartridge) {
        return ByteBuffer.allocate(9).put(table).putLong(cartridge).array();
    }

    public static byte[] cartridgeEnd(byte table, long cartridge) {
        return ByteBuffer.allocate(9).put(table).putLong(cartridge + 1).array();
    }

    public static byte[] extent(long extent) {
        return ByteBuffer.allocate(9).put(EXTENT).putLong(extent).array();
    }

    public static long extentId(byte[] key) {
        return ByteBuffer.wrap(key).getLong(1);
    }

    public static byte[] mam(long cartridge, int partition, int attribute) {
        return ByteBuffer.allocate(12).put(MAM).putLong(cartridge).put((byte) partition)
                .putShort((short) attribute).array();
    }

    public static int mamAttribute(byte[] key) {
        return Short.toUnsignedInt(ByteBuffer.wrap(key).getShort(10));
    }

    public static byte[] mamStart(long cartridge, int partition) {
        return ByteBuffer.allocate(10).put(MAM).putLong(cartridge).put((byte) partition).array();
    }

    public static byte[] statistics(long cartridge) {
        return ByteBuffer.allocate(9).put(STATISTICS).putLong(cartridge).array();
    }

    /** Key of a generic state entry: namespace (1..255 ASCII bytes) then the caller's key bytes. */
    public static byte[] state(String namespace, byte[] key) {
        byte[] ns = namespace(namespace);
        return ByteBuffer.allocate(2 + ns.length + key.length).put(STATE).put((byte) ns.length).put(ns).put(key)
                .array();
    }

    /** First key after every entry of a namespace. */
    public static byte[] stateEnd(String namespace) {
        byte[] start = state(namespace, new byte[0]);
        return increment(start);
    }

    /** The caller's key bytes of a generic state key. */
    public static byte[] stateKey(byte[] key) {
        int nsLength = Byte.toUnsignedInt(key[1]);
        byte[] out = new byte[key.length - 2 - nsLength];
        System.arraycopy(key, 2 + nsLength, out, 0, out.length);
        return out;
    }

    private static byte[] namespace(String namespace) {
        byte[] ns = namespace.getBytes(StandardCharsets.US_ASCII);
        if (ns.length < 1 || ns.length > 255) {
            throw new IllegalArgumentException("namespace must be 1..255 ASCII bytes");
        }
        return ns;
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    static byte[] increment(byte[] prefix) {
        byte[] out = prefix.clone();
        for (int i = out.length - 1; i >= 0; i--) {
            if (out[i] != (byte) 0xFF) {
                out[i]++;
                byte[] trimmed = new byte[i + 1];
                System.arraycopy(out, 0, trimmed, 0, i + 1);
                return trimmed;
            }
        }
        throw new IllegalArgumentException("no key follows an all-FF prefix");
    }
}
