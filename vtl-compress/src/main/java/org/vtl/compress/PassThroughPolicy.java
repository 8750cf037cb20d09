package org.vtl.compress;

/**
 * When a block is stored raw instead of compressed, as LTO drives do with data that does not shrink.
 *
 * <p>A block is stored compressed only if its codec output is at most {@link #maxCompressedLength(int)}
 * bytes: it must save at least {@code minSavingPerMille} thousandths of its length, and at least one byte;
 * otherwise the original bytes are stored and the frame is flagged raw.
 *
 * <p>Blocks of at least {@code 2 * sampleSpacing} bytes are probed first (early abort): one slice of
 * {@code sampleLength} bytes per {@code sampleSpacing} bytes of block (at most {@value #MAX_SAMPLES} slices, spread
 * evenly from the first byte to the last) is compressed at zstd level {@value #PROBE_LEVEL} whatever the request's
 * level, and if together the slices miss the same margin the whole block is stored raw without being compressed.
 * The probe compresses about {@code sampleLength / sampleSpacing} of every probed block a second time (3 % by
 * default, at the fast level); it pays off most at high levels, where zstd is slow even on incompressible data, and
 * it spares writing a codec output only to overwrite it.
 * Sampling can misjudge a block whose redundancy lies only between the slices; that costs ratio, never
 * correctness. {@code sampleSpacing == 0} turns probing off.
 *
 * @param minSavingPerMille required saving in thousandths (0..999)
 * @param sampleLength bytes per probe slice (at least 256)
 * @param sampleSpacing block bytes per probe slice; 0 = never probe
 */
public record PassThroughPolicy(int minSavingPerMille, int sampleLength, int sampleSpacing) {

    /** zstd level of the probe: fast, and a fair judge of whether a block compresses at all. */
    public static final int PROBE_LEVEL = 1;

    /** Most probe slices per block. */
    public static final int MAX_SAMPLES = 16;

    /** 3 % saving required; blocks of 64 KiB and more probed with one 1 KiB slice per 32 KiB. */
    public static final PassThroughPolicy DEFAULT = new PassThroughPolicy(30, 1024, 32 * 1024);

    /** Same margin, never probes: every block is compressed before the decision. */
    public static final PassThroughPolicy NO_SAMPLING = new PassThroughPolicy(30, 1024, 0);

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

    /** Probe slices for a block of {@code originalLength} bytes: 0 when the block is not probed. */
    public int sampleCount(int originalLength) {
        if (sampleSpacing == 0 || originalLength < 2L * sampleSpacing) {
            return 0;
        }
        return Math.min(MAX_SAMPLES, originalLength / sampleSpacing);
    }
}
