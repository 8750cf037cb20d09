package org.vtl.config;

/**
 * LTO generations the appliance emulates, for drives and media, with the native capacity of a cartridge.
 * A drive reads and writes media of its own generation and the one before (LTO-5..LTO-9 rule).
 */
public enum LtoGeneration {
    LTO5(1_500_000_000_000L),
    LTO6(2_500_000_000_000L),
    LTO7(6_000_000_000_000L),
    LTO8(12_000_000_000_000L),
    LTO9(18_000_000_000_000L);

    private final long nativeCapacity;

    LtoGeneration(long nativeCapacity) {
        this.nativeCapacity = nativeCapacity;
    }

    /** Native (uncompressed) capacity of a cartridge of this generation, in bytes. */
    public long nativeCapacity() {
        return nativeCapacity;
    }

    /** The generation number, 5..9. */
    public int generation() {
        return ordinal() + 5;
    }

    /** The barcode suffix of this generation's media, e.g. {@code L9}. */
    public String barcodeSuffix() {
        return "L" + generation();
    }

    /** True when a drive of this generation can write {@code media}. */
    public boolean writes(LtoGeneration media) {
        return media == this || media.ordinal() == ordinal() - 1;
    }
}
