package org.vtl.raid.parity;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Rebuilds any one or two erased chunks of a stripe from the survivors, as Linux md's
 * {@code raid6_2data_recov} and {@code raid6_datap_recov} do: the syndromes are recomputed with the
 * erased data taken as zero, written straight into the erased chunks' buffers, and then corrected.
 *
 * <p>Chunks are addressed by role: {@code chunks[0..dataCount)} are data, {@code chunks[dataCount]} is P
 * and {@code chunks[dataCount + 1]} is Q. Not thread-safe: it owns one zero chunk and one scratch chunk
 * of {@code maxLength} bytes (allocated once), so a reader keeps one per thread or per pooled stripe.
 */
public final class PqRecovery {

    /** Largest number of data chunks a stripe may have. */
    public static final int MAX_DATA = 253;

    private final PqSyndrome kernel;
    private final long maxLength;
    private final MemorySegment zero;
    private final MemorySegment scratch;
    private final MemorySegment[] work = new MemorySegment[MAX_DATA];

    /** A recovery over chunks of at most {@code maxLength} bytes using the given kernel. */
    public PqRecovery(PqSyndrome kernel, long maxLength) {
        this.kernel = kernel;
        this.maxLength = maxLength;
        Arena arena = Arena.ofAuto();
        this.zero = arena.allocate(maxLength, 64);
        this.scratch = arena.allocate(maxLength, 64);
    }

    /**
     * Recomputes the erased chunks in place. {@code first} and {@code second} are role indexes, or -1
     * for none; their buffers' contents on entry are ignored.
     */
    public void recover(MemorySegment[] chunks, int dataCount, int first, int second, long length) {
        if (length > maxLength) {
            throw new IllegalArgumentException("chunk length " + length + " exceeds recovery capacity " + maxLength);
        }
        int x = Math.min(first, second) < 0 ? Math.max(first, second) : Math.min(first, second);
        int y = Math.min(first, second) < 0 ? -1 : Math.max(first, second);
        if (x < 0) {
            return;
        }
        if (x == y || x >= dataCount + 2 || y >= dataCount + 2) {
            throw new IllegalArgumentException("bad erasures " + first + "," + second + " for width " + dataCount);
        }
        MemorySegment p = chunks[dataCount];
        MemorySegment q = chunks[dataCount + 1];
        if (x >= dataCount) {
            kernel.generate(chunks, dataCount, p, q, length);
        } else if (y < 0 || y == dataCount + 1) {
            recoverWithP(chunks, dataCount, x, length);
            if (y > 0) {
                kernel.generate(chunks, dataCount, scratch, q, length);
            }
        } else if (y == dataCount) {
            recoverWithQ(chunks, dataCount, x, length);
        } else {
            recoverTwoData(chunks, dataCount, x, y, length);
        }
    }

    private void prepareWork(MemorySegment[] chunks, int dataCount, int x, int y) {
        System.arraycopy(chunks, 0, work, 0, dataCount);
        work[x] = zero;
        if (y >= 0) {
            work[y] = zero;
        }
    }

    /** One data chunk lost, P intact: {@code Dx = P ^ P'}. */
    private void recoverWithP(MemorySegment[] chunks, int dataCount, int x, long length) {
        prepareWork(chunks, dataCount, x, -1);
        kernel.generate(work, dataCount, chunks[x], scratch, length);
        kernel.xor(chunks[x], chunks[dataCount], length);
    }

    /** One data chunk and P lost: {@code Dx = g^-x * (Q ^ Q')}, then P afresh. */
    private void recoverWithQ(MemorySegment[] chunks, int dataCount, int x, long length) {
        prepareWork(chunks, dataCount, x, -1);
        kernel.generate(work, dataCount, scratch, chunks[x], length);
        kernel.xor(chunks[x], chunks[dataCount + 1], length);
        kernel.multiply(chunks[x], GaloisField.inverse(GaloisField.exp(x)), length);
        kernel.generate(chunks, dataCount, chunks[dataCount], scratch, length);
    }

    /** Two data chunks lost (Anvin, "The mathematics of RAID-6", section 4). */
    private void recoverTwoData(MemorySegment[] chunks, int dataCount, int x, int y, long length) {
        prepareWork(chunks, dataCount, x, y);
        kernel.generate(work, dataCount, chunks[x], chunks[y], length);
        int gyx = GaloisField.exp(y - x);
        int denominator = gyx ^ 1;
        int a = GaloisField.divide(gyx, denominator);
        int b = GaloisField.divide(GaloisField.inverse(GaloisField.exp(x)), denominator);
        kernel.recoverTwo(chunks[x], chunks[y], chunks[dataCount], chunks[dataCount + 1], a, b, length);
    }
}
