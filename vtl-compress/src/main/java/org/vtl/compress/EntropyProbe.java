package org.vtl.compress;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Estimates whether a block can compress at all from the order-0 entropy (Shannon, bits per byte) of slices
 * sampled from it: a coder that knows only byte frequencies needs at least that many bits per byte, and zstd's
 * literal coding gets close to it, so slices near 8 bits per byte (random, encrypted or already-compressed data)
 * mean the block will not shrink unless it repeats itself at a distance the slices cannot see. Costs about a
 * nanosecond per sampled byte and allocates nothing. One per {@link BlockCompressor}; not thread-safe.
 */
final class EntropyProbe {

    private final int[] counts = new int[256];

    /**
     * Order-0 entropy in bits per byte of {@code count} slices of {@code sliceLength} bytes spread evenly over
     * {@code buffer[offset, offset + length)}, first slice at the start and last at the end.
     */
    double bitsPerByte(ByteBuffer buffer, int offset, int length, int count, int sliceLength) {
        Arrays.fill(counts, 0);
        long stride = count > 1 ? (long) (length - sliceLength) / (count - 1) : 0;
        for (int i = 0; i < count; i++) {
            tally(buffer, offset + (int) (i * stride), sliceLength);
        }
        long total = (long) count * sliceLength;
        double sum = 0;
        for (int c : counts) {
            if (c > 0) {
                sum += c * Math.log(c);
            }
        }
        return (Math.log(total) - sum / total) / Math.log(2);
    }

    private void tally(ByteBuffer buffer, int from, int length) {
        int end = from + length;
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long v = buffer.getLong(i);
            counts[(int) v & 0xFF]++;
            counts[(int) (v >>> 8) & 0xFF]++;
            counts[(int) (v >>> 16) & 0xFF]++;
            counts[(int) (v >>> 24) & 0xFF]++;
            counts[(int) (v >>> 32) & 0xFF]++;
            counts[(int) (v >>> 40) & 0xFF]++;
            counts[(int) (v >>> 48) & 0xFF]++;
            counts[(int) (v >>> 56) & 0xFF]++;
        }
        for (; i < end; i++) {
            counts[buffer.get(i) & 0xFF]++;
        }
    }
}
