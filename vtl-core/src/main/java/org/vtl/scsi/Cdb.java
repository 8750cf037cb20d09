package org.vtl.scsi;

/** Big-endian field access on CDBs and parameter data (SPC-5 4.3: all multi-byte fields are big-endian). */
public final class Cdb {

    private Cdb() {
    }

    public static int u8(byte[] b, int at) {
        return at < b.length ? b[at] & 0xff : 0;
    }

    public static int u16(byte[] b, int at) {
        return u8(b, at) << 8 | u8(b, at + 1);
    }

    public static int u24(byte[] b, int at) {
        return u8(b, at) << 16 | u16(b, at + 1);
    }

    /** A signed 24-bit field (SPACE(6) count). */
    public static int s24(byte[] b, int at) {
        return u24(b, at) << 8 >> 8;
    }

    public static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    public static long u64(byte[] b, int at) {
        return u32(b, at) << 32 | u32(b, at + 4);
    }

    public static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    public static void put24(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 16);
        put16(b, at + 1, v);
    }

    public static void put32(byte[] b, int at, long v) {
        put16(b, at, (int) (v >>> 16));
        put16(b, at + 2, (int) v);
    }

    public static void put64(byte[] b, int at, long v) {
        put32(b, at, v >>> 32);
        put32(b, at + 4, v);
    }

    /** Writes {@code s} as ASCII, left-aligned and padded with spaces to {@code width} (SPC-5 4.3.1). */
    public static void putAscii(byte[] b, int at, int width, String s) {
        for (int i = 0; i < width; i++) {
            b[at + i] = i < s.length() ? (byte) s.charAt(i) : (byte) ' ';
        }
    }

    /**
     * CDB length by group code (SPC-5 4.2.5.1): 6, 10, 10, variable, 16, 12; -1 for vendor-specific groups
     * and the variable-length group.
     */
    public static int lengthOf(int opcode) {
        return switch (opcode >>> 5) {
            case 0 -> 6;
            case 1, 2 -> 10;
            case 4 -> 16;
            case 5 -> 12;
            default -> -1;
        };
    }
}
