package org.vtl.scsi.identity;

/**
 * What a tape drive answers to INQUIRY, as data (mhVTL personality modules, ltfs {@code ibm_supported_drives}):
 * vendor, product, revision, LTO generation and block limits.
 *
 * @param vendor         T10 vendor identification: {@code IBM}, {@code HP} (LTO-5..7) or {@code HPE} (LTO-8+)
 * @param product        {@code ULT3580-TDn} or {@code Ultrium n-SCSI}
 * @param revision       firmware revision, 4 characters
 * @param generation     the LTO generation
 * @param maxBlockLength the largest logical block READ BLOCK LIMITS reports (8 MiB for LTO)
 */
public record DriveIdentity(String vendor, String product, String revision, LtoGeneration generation,
                            int maxBlockLength) {

    /** LTO drives accept blocks of up to 8 MiB (IBM LTO SCSI Reference, READ BLOCK LIMITS). */
    public static final int LTO_MAX_BLOCK_LENGTH = 0x800000;

    /** IBM full-height LTO drive: {@code IBM ULT3580-TDn}. */
    public static DriveIdentity ibm(LtoGeneration generation) {
        String[] firmware = {"H6S0", "J451", "M9R0", "N9M1", "Q3F3"};
        return new DriveIdentity("IBM", "ULT3580-TD" + generation.number(), firmware[generation.ordinal()],
                generation, LTO_MAX_BLOCK_LENGTH);
    }

    /** HP / HPE LTO drive: {@code HP Ultrium n-SCSI}, vendor {@code HPE} from LTO-8 on (mhvtl#146). */
    public static DriveIdentity hp(LtoGeneration generation) {
        String[] firmware = {"I6PW", "J5SW", "K4DW", "L5HW", "P3BW"};
        return new DriveIdentity(generation.number() >= 8 ? "HPE" : "HP", "Ultrium " + generation.number() + "-SCSI",
                firmware[generation.ordinal()], generation, LTO_MAX_BLOCK_LENGTH);
    }

    /**
     * The same identity with READ BLOCK LIMITS lowered to what the storage below accepts (a cartridge record never
     * spans segments), so an initiator never learns a block size the drive would then refuse.
     */
    public DriveIdentity withMaxBlockLength(int storageLimit) {
        if (storageLimit < 1) {
            throw new IllegalArgumentException("block limit must be positive, was " + storageLimit);
        }
        return new DriveIdentity(vendor, product, revision, generation, Math.min(maxBlockLength, storageLimit));
    }
}
