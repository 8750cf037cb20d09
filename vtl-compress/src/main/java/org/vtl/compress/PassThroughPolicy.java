package org.vtl.compress;

/**
 * When a block is stored raw instead of compressed, as LTO drives do with data that does not shrink.
 *
 * <p>A block is stored compressed only if its codec output is at most {@link #maxCompressedLength(int)}
 * bytes: it must save at least {@code minSavingPerMille} thousandths of its length, and at least one byte;
 * otherwise the original bytes are stored and the frame is flagged raw.
 *
 * <p>Blocks of at least {@code 2 * sampleSpacing} bytes are probed first (early abort): one slice of
 * {@code sampleLength} bytes per {@code sampleSpacing} bytes of block (at least {@value #MIN_SAMPLES} and at most
 * {@value #MAX_SAMPLES} slices, spread evenly from the first byte to the last) goes into a byte histogram, and if the
 * slices' order-0 entropy is above {@link #maxBitsPerByte()} (8 bits less the margin, less the estimator's
 * small-sample bias) the block is stored raw without being compressed: random, encrypted and already-compressed data
 * look like that. The probe reads half its slices first and stops there when the answer is clear (see
 * {@link BlockCompressor}), so it reads about {@code sampleLength / (2 * sampleSpacing)} of a typical block
 * (0.8 %, 2 KiB of a 256 KiB block, by default) at well under a nanosecond per byte. It
 * misjudges a block whose only redundancy is a repeat the slices cannot see (say, the same compressed file twice
 * within one block), or whose compressible part lies between the slices; that costs ratio, never correctness.
 * A block the probe lets through is still stored raw if zstd's output misses the margin.
 * {@code sampleSpacing == 0} turns probing off.
 *
 * @param minSavingPerMille required saving in thousandths (0..999)
 * @param sampleLength bytes per probe slice (at least 256)
 * @param sampleSpacing block bytes per probe slice; 0 = never probe
 */
public record PassThroughPolicy(int minSavingPerMille, int sampleLength, int sampleSpacing) {

    /** Most probe slices per block. */
    public static final int MAX_SAMPLES = 16;

    /** Fewest probe slices of a probed block, so that even the smallest probed block gives a few KiB of sample. */
    public static final int MIN_SAMPLES = 4;

    /**
     * 3 % saving required; blocks of 64 KiB and more probed with one 512-byte slice per 32 KiB (at least 4): 4 KiB
     * of a 256 KiB block, of which the first 2 KiB usually decide.
     */
    public static final PassThroughPolicy DEFAULT = new PassThroughPolicy(30, 512, 32 * 1024);

    /** Same margin, never probes: every block is compressed before the decision. */
    public static final PassThroughPolicy NO_SAMPLING = new PassThroughPolicy(30, 512, 0);

    public PassThroughPolicy {
        if (minSavingPerMille < 0 || minSavingPerMille > 999) {
            throw new IllegalArgumentException("minSavingPerMille must be 0..999: " + minSavingPerMille);
        }
        if (sampleLength < 256 || sampleSpacing < 0 || (sampleSpacing > 0 && sampleSpacing < sampleLength)) {
            throw new IllegalArgumentException("bad sampling: length " + sampleLength + ", spacing " + sampleSpacing);
        }
    }

    /** Largest codec output that still counts as a saving for a block of {@code originalLength} bytes. */
    public int maxCompressedLength(int originalLength) {
        return originalLength - (int) ((long) originalLength * minSavingPerMille / 1000) - 1;
    }

    /**
     * Highest sampled order-0 entropy (bits per byte) at which a block is still worth compressing: the margin's
     * share of 8 bits off, and a further 0.05 bit for the downward bias of an entropy estimated from a few
     * thousand bytes, so uniformly random data is always above it.
     */
    public double maxBitsPerByte() {
        return 8.0 * (1000 - minSavingPerMille) / 1000 - 0.05;
    }

    /** Probe slices for a block of {@code originalLength} bytes: 0 when the block is not probed. */
    public int sampleCount(int originalLength) {
        if (sampleSpacing == 0 || originalLength < 2L * sampleSpacing) {
            return 0;
        }
        return Math.clamp(originalLength / sampleSpacing, MIN_SAMPLES, MAX_SAMPLES);
    }
}
