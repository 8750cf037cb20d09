package org.vtl.cartridge;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * MAM attribute identifiers (SPC-5 7.4.2) the cartridge layer knows, which of them a host may write, and the
 * device attributes every implementation derives from the cartridge's state.
 *
 * <p>Ranges (SPC-5 table "MAM attribute identifier range assignments"): 0000h-03FFh device, 0400h-07FFh medium,
 * 0800h-0BFFh host, 0C00h-0FFFh device vendor, 1000h-13FFh medium vendor, 1400h-17FFh host vendor. Only the
 * host ranges are writable by WRITE ATTRIBUTE; the others are maintained here.
 */
public final class MamAttributeIds {

    /** Remaining capacity in partition, MiB, 8 bytes binary. */
    public static final int REMAINING_CAPACITY = 0x0000;
    /** Maximum capacity in partition, MiB, 8 bytes binary. */
    public static final int MAXIMUM_CAPACITY = 0x0001;
    /** Load count, 8 bytes binary. */
    public static final int LOAD_COUNT = 0x0003;
    /** Medium manufacturer, 8 bytes ASCII. */
    public static final int MEDIUM_MANUFACTURER = 0x0400;
    /** Medium serial number, 32 bytes ASCII. */
    public static final int MEDIUM_SERIAL_NUMBER = 0x0401;
    /** Medium type, 1 byte: 00h data, 80h write-once. */
    public static final int MEDIUM_TYPE = 0x0408;
    /** Application vendor, 8 bytes ASCII. */
    public static final int APPLICATION_VENDOR = 0x0800;
    /** Application name, 32 bytes ASCII. */
    public static final int APPLICATION_NAME = 0x0801;
    /** Application version, 8 bytes ASCII. */
    public static final int APPLICATION_VERSION = 0x0802;
    /** Barcode, 32 bytes ASCII. */
    public static final int BARCODE = 0x0806;
    /** Volume coherency information (LTFS), binary. */
    public static final int VOLUME_COHERENCY_INFORMATION = 0x080C;

    /** The largest attribute value accepted from a host (MAM is small: 8 KiB on LTO cartridges). */
    public static final int MAX_VALUE_LENGTH = 1024;

    /** Manufacturer reported in MEDIUM MANUFACTURER. */
    public static final String MANUFACTURER = "VTL";

    private static final long MIB = 1L << 20;

    private MamAttributeIds() {
    }

    /** True when a host may write attribute {@code id} (host and host vendor-specific ranges). */
    public static boolean isHostWritable(int id) {
        return (id >= 0x0800 && id <= 0x0BFF) || (id >= 0x1400 && id <= 0x17FF);
    }

    /** True when {@code id} is a valid attribute identifier at all. */
    public static boolean isValidId(int id) {
        return id >= 0 && id <= 0xFFFF;
    }

    /** The device and medium attributes of one partition, derived from the cartridge's state. */
    public static SortedMap<Integer, byte[]> deviceAttributes(CartridgeInfo info, PartitionCapacity capacity,
                                                             long loadCount) {
        SortedMap<Integer, byte[]> out = new TreeMap<>();
        out.put(REMAINING_CAPACITY, binary(capacity.remaining() / MIB));
        out.put(MAXIMUM_CAPACITY, binary(capacity.total() / MIB));
        out.put(LOAD_COUNT, binary(loadCount));
        out.put(MEDIUM_MANUFACTURER, ascii(MANUFACTURER, 8));
        out.put(MEDIUM_SERIAL_NUMBER, ascii(info.barcode(), 32));
        out.put(MEDIUM_TYPE, new byte[] {(byte) (info.worm() ? 0x80 : 0x00)});
        return out;
    }

    /** The BARCODE host attribute a new cartridge starts with, as a library writes it. */
    public static byte[] barcodeAttribute(String barcode) {
        return ascii(barcode, 32);
    }

    /** ASCII left-aligned and padded with spaces (SPC-5 4.3.1). */
    public static byte[] ascii(String text, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) ' ');
        byte[] src = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, out, 0, Math.min(length, src.length));
        return out;
    }

    private static byte[] binary(long value) {
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }
}
