package org.vtl.config;

/** A run of cartridges with consecutive barcodes, e.g. {@code VTL000L9-VTL019L9}. */
public record CartridgeRange(
        @ConfigKey(doc = "First and last barcode, FIRST-LAST, with the same prefix, digit count and suffix; "
                + "or one barcode. Barcodes are 1 to 16 characters A-Z, 0-9.", required = true)
        String barcodes,
        @ConfigKey(doc = "Media type (LTO5..LTO9); the partition's drives must be able to write it.")
        LtoGeneration media,
        @ConfigKey(doc = "Capacity of each cartridge when smaller than the media's native capacity; empty: native.",
                min = 1L << 30)
        ByteSize capacity,
        @ConfigKey(doc = "Write once, read many.")
        boolean worm) {

    /** The barcodes of this range, in order; the range must be valid (see {@link BarcodeRange}). */
    public java.util.List<String> expand() {
        return BarcodeRange.parse(barcodes).barcodes();
    }
}
