package org.vtl.scsi.spc;

import java.util.function.Supplier;

/** A vital product data page (SPC-5 7.8); the supported-pages page 00h is derived from the table. */
public record VpdPage(int pageCode, Supplier<byte[]> body) {

    /** The full page: 4-byte header (device type, page code, page length) and body. */
    public byte[] encode(int peripheralDeviceType) {
        byte[] b = body.get();
        byte[] p = new byte[4 + b.length];
        p[0] = (byte) peripheralDeviceType;
        p[1] = (byte) pageCode;
        p[2] = (byte) (b.length >>> 8);
        p[3] = (byte) b.length;
        System.arraycopy(b, 0, p, 4, b.length);
        return p;
    }
}
