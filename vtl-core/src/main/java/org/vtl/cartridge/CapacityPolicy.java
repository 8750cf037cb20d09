package org.vtl.cartridge;

/**
 * Where early warning falls in a partition and how large a block may be.
 *
 * <p>Early warning (SSC-5 4.2.5) starts {@code reserve} native bytes before the end of a partition, where
 * {@code reserve = max(earlyWarningReserve, total * earlyWarningPermille / 1000)}, capped at the partition
 * size. Writes are accepted past it (reported as {@link WriteOutcome#WRITTEN_EARLY_WARNING}) until a block
 * would pass the end of the partition, which is refused with {@link MediumError#END_OF_MEDIUM}.
 *
 * @param earlyWarningReserve   a fixed reserve in native bytes (0 for none)
 * @param earlyWarningPermille  a reserve proportional to the partition size, in 1/1000 (0 for none)
 * @param maxBlockSize          the largest data block accepted, in bytes
 */
public record CapacityPolicy(long earlyWarningReserve, int earlyWarningPermille, int maxBlockSize) {

    /** The largest block the drive personalities advertise (READ BLOCK LIMITS): 8 MiB. */
    public static final int DEFAULT_MAX_BLOCK_SIZE = 8 << 20;

    /** Early warning 1% before the end, blocks up to 8 MiB. */
    public static final CapacityPolicy DEFAULT = new CapacityPolicy(0, 10, DEFAULT_MAX_BLOCK_SIZE);

    public CapacityPolicy {
        if (earlyWarningReserve < 0 || earlyWarningPermille < 0 || earlyWarningPermille > 1000 || maxBlockSize < 1) {
            throw new IllegalArgumentException("invalid capacity policy");
        }
    }

    /** Early warning exactly {@code reserve} bytes before the end of every partition. */
    public static CapacityPolicy reserve(long reserve) {
        return new CapacityPolicy(reserve, 0, DEFAULT_MAX_BLOCK_SIZE);
    }

    /** The same early warning with another largest block (e.g. what one segment of the pool can hold). */
    public CapacityPolicy withMaxBlockSize(int bytes) {
        return new CapacityPolicy(earlyWarningReserve, earlyWarningPermille, bytes);
    }

    /** The native byte offset from the beginning of a partition of {@code total} bytes where early warning starts. */
    public long earlyWarningPoint(long total) {
        // total <= 18e12 (LTO-9), so total * 1000 cannot overflow.
        long proportional = total * earlyWarningPermille / 1000;
        long reserve = Math.min(total, Math.max(earlyWarningReserve, proportional));
        return total - reserve;
    }
}
