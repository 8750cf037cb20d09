package org.vtl.compress;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Estimates whether a block can compress at all from the order-0 entropy (Shannon, bits per byte) of slices
 * sampled from it: a coder that knows only byte frequencies needs at least that many bits per byte, and zstd's
 * literal coding gets close to it, so slices near 8 bits per byte (random, encrypted or already-compressed data)
 * mean the block will not shrink unless it repeats itself at a distance the slices cannot see. Allocates nothing
 * per block. One per {@link BlockCompressor}; not thread-safe.
 *
 * <p>Counting uses four histograms, one per byte lane of each 32-bit word, so consecutive increments rarely hit
 * the same counter (a run of equal bytes would otherwise make every increment wait for the previous one); the
 * entropy sum reads {@code c ln c} from a table instead of calling {@code Math.log} 256 times.
 */
final class EntropyProbe {

    private static final int LANES = 4;
    private static final double LN2 = Math.log(2);
    /** Samples up to this many bytes use the table (512 KiB of doubles at most); larger ones call Math.log. */
    private static final int MAX_TABLED_SAMPLE = 1 << 16;

    private final int[] counts = new int[256 * LANES];
    /** {@code c ln c} for c = 0..(its length - 1); grown on first use of a larger sample, never per block. */
    private double[] cLogC = new double[0];

    /**
     * Order-0 entropy in bits per byte of {@code count} slices of {@code sliceLength} bytes spread evenly over
     * {@code buffer[offset, offset + length)}, first slice at the start and last at the end.
     */
    double bitsPerByte(ByteBuffer buffer, int offset, int length, int count, int sliceLength) {
        Arrays.fill(counts, 0);
        long stride = stride(length, count, sliceLength);
        for (int i = 0; i < count; i++) {
            tally(buffer, offset + (int) (i * stride), sliceLength);
        }
        return entropy((long) count * sliceLength);
    }

    /**
     * As {@link #bitsPerByte(ByteBuffer, int, int, int, int)} over the block made of {@code pieces} one after
     * another (each piece's position..limit, {@code length} bytes in all); a slice may span pieces.
     */
    double bitsPerByte(ByteBuffer[] pieces, int length, int count, int sliceLength) {
        Arrays.fill(counts, 0);
        long stride = stride(length, count, sliceLength);
        int piece = 0;
        int pieceStart = 0;
        for (int i = 0; i < count; i++) {
            int at = (int) (i * stride);
            int left = sliceLength;
            while (left > 0) {
                while (pieceStart + pieces[piece].remaining() <= at) {
                    pieceStart += pieces[piece].remaining();
                    piece++;
                }
                ByteBuffer buffer = pieces[piece];
                int n = Math.min(left, pieceStart + buffer.remaining() - at);
                tally(buffer, buffer.position() + at - pieceStart, n);
                at += n;
                left -= n;
            }
        }
        return entropy((long) count * sliceLength);
    }

    private static long stride(int length, int count, int sliceLength) {
        return count > 1 ? (long) (length - sliceLength) / (count - 1) : 0;
    }

    private double entropy(long total) {
        boolean tabled = total <= MAX_TABLED_SAMPLE;
        if (tabled && cLogC.length <= total) {
            cLogC = new double[(int) total + 1];
            for (int c = 1; c <= total; c++) {
                cLogC[c] = c * Math.log(c);
            }
        }
        double sum = 0;
        for (int b = 0; b < 256; b++) {
            int c = counts[b] + counts[b + 256] + counts[b + 512] + counts[b + 768];
            sum += tabled ? cLogC[c] : (c == 0 ? 0 : c * Math.log(c));
        }
        return (Math.log(total) - sum / total) / LN2;
    }

    private void tally(ByteBuffer buffer, int from, int length) {
        int[] c = counts;
        int end = from + length;
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long v = buffer.getLong(i);
            c[(int) v & 0xFF]++;
            c[256 + ((int) (v >>> 8) & 0xFF)]++;
            c[512 + ((int) (v >>> 16) & 0xFF)]++;
            c[768 + ((int) (v >>> 24) & 0xFF)]++;
            c[(int) (v >>> 32) & 0xFF]++;
            c[256 + ((int) (v >>> 40) & 0xFF)]++;
            c[512 + ((int) (v >>> 48) & 0xFF)]++;
            c[768 + ((int) (v >>> 56) & 0xFF)]++;
        }
        for (; i < end; i++) {
            c[buffer.get(i) & 0xFF]++;
        }
    }
}
