package org.vtl.scsi.spc;

import org.vtl.scsi.Cdb;

/**
 * One log parameter (SPC-5 7.3.2.2.1): code, control byte (DU, TSD, ETC, TMC, FORMAT AND LINKING)
 * and value bytes.
 */
public record LogParameter(int code, int control, byte[] value) {

    /** Control byte of a bounded data counter (FORMAT AND LINKING 00b). */
    public static final int COUNTER = 0x00;
    /** Control byte of a binary format list parameter (FORMAT AND LINKING 11b). */
    public static final int BINARY_LIST = 0x03;
    /** Control byte of an ASCII format list parameter (FORMAT AND LINKING 01b). */
    public static final int ASCII_LIST = 0x01;

    /** A big-endian counter of {@code width} bytes, saturating at the field's maximum. */
    public static LogParameter counter(int code, long value, int width) {
        byte[] v = new byte[width];
        long max = width >= 8 ? Long.MAX_VALUE : (1L << (8 * width)) - 1;
        long clipped = Math.min(Math.max(value, 0), max);
        for (int i = 0; i < width; i++) {
            v[i] = (byte) (clipped >>> (8 * (width - 1 - i)));
        }
        return new LogParameter(code, COUNTER, v);
    }

    public static LogParameter ascii(int code, String text, int width) {
        byte[] v = new byte[width];
        Cdb.putAscii(v, 0, width, text);
        return new LogParameter(code, ASCII_LIST, v);
    }

    public int encodedLength() {
        return 4 + value.length;
    }

    void encode(byte[] out, int at) {
        Cdb.put16(out, at, code);
        out[at + 2] = (byte) control;
        out[at + 3] = (byte) value.length;
        System.arraycopy(value, 0, out, at + 4, value.length);
    }
}
