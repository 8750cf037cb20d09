package org.vtl.compress;

/**
 * When a block is stored raw instead of compressed, as LTO drives do with data that does not shrink.
 *
 * <p>A block is stored compressed only if its codec output is at most
 * {@code originalLength - originalLength * minSavingPerMille / 1000 - 1} bytes, i.e. it must save at least
 * {@code minSavingPerMille} thousandths and at least one byte; otherwise the original bytes are stored and the
 * frame is flagged raw. Blocks of at least {@code sampleThreshold} bytes are first probed: {@code sampleCount}
 * slices of {@code sampleLength} bytes spread evenly over the block are compressed at the same level, and if
 * together they miss the same margin the whole block is stored raw without compressing it (early abort for
 * random or already-compressed data). Sampling can misjudge a block whose redundancy lies only between the
 * slices; that costs ratio, never correctness. {@code sampleCount == 0} turns sampling off.
 *
 * @param minSavingPerMille required saving in thousandths (0..999)
 * @param sampleThreshold smallest block that is probed first
 * @param sampleCount number of probe slices (0 = never probe)
 * @param sampleLength bytes per probe slice
 */
public record PassThroughPolicy(int minSavingPerMille, int sampleThreshold, int sampleCount, int sampleLength) {

    /** 3 % saving required; blocks of 32 KiB and more probed with 4 slices of 4 KiB. */
    public static final PassThroughPolicy DEFAULT = new PassThroughPolicy(30, 32 * 1024, 4, 4 * 1024);

    /** Same margin, never probes: every block is compressed before the decision. */
    public static final PassThroughPolicy NO_SAMPLING = new PassThroughPolicy(30, Integer.MAX_VALUE, 0, 4 * 1024);

    public PassThroughPolicy {
        if (minSavingPerMille < 0 || minSavingPerMille > 999) {
            throw new IllegalArgumentException("minSavingPerMille must be 0..999: " + minSavingPerMille);
        }
        if (sampleCount < 0 || sampleLength < 64 || sampleThreshold < 1) {
            throw new IllegalArgumentException("bad sampling: count " + sampleCount + ", length " + sampleLength
                    + ", threshold " + sampleThreshold);
        }
        if (sampleCount > 0 && (long) sampleCount * sampleLength > sampleThreshold) {
            throw new IllegalArgumentException("samples must fit in the smallest probed block");
        }
    }

    /** Largest codec output that still counts as a saving for a block of {@code originalLength} bytes. */
    public int maxCompressedLength(int originalLength) {
        return originalLength - (int) ((long) originalLength * minSavingPerMille / 1000) - 1;
    }

    boolean probes(int originalLength) {
        return sampleCount > 0 && originalLength >= sampleThreshold;
    }
}
