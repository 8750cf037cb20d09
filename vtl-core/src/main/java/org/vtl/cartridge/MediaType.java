package org.vtl.cartridge;

/**
 * LTO media generations with their native (uncompressed) capacity, density code (SSC-5 / IBM LTO SCSI
 * reference: 0x58 LTO-5 .. 0x60 LTO-9), barcode suffix and the number of medium partitions they allow.
 */
public enum MediaType {
    LTO5("L5", 1_500_000_000_000L, 0x58, 2),
    LTO6("L6", 2_500_000_000_000L, 0x5A, 2),
    LTO7("L7", 6_000_000_000_000L, 0x5C, 4),
    LTO8("L8", 12_000_000_000_000L, 0x5E, 4),
    LTO9("L9", 18_000_000_000_000L, 0x60, 4);

    private final String barcodeSuffix;
    private final long nativeCapacity;
    private final int densityCode;
    private final int maxPartitions;

    MediaType(String barcodeSuffix, long nativeCapacity, int densityCode, int maxPartitions) {
        this.barcodeSuffix = barcodeSuffix;
        this.nativeCapacity = nativeCapacity;
        this.densityCode = densityCode;
        this.maxPartitions = maxPartitions;
    }

    public String barcodeSuffix() {
        return barcodeSuffix;
    }

    public long nativeCapacity() {
        return nativeCapacity;
    }

    public int densityCode() {
        return densityCode;
    }

    public int maxPartitions() {
        return maxPartitions;
    }

    /** The generation number, 5..9. */
    public int generation() {
        return ordinal() + 5;
    }
}
