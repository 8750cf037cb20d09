package org.vtl.raid.parity;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * 64-bit SWAR kernels: eight GF(2^8) lanes per {@code long}. Multiplying all lanes by {02} is a
 * shift plus a conditional XOR of 0x1D where the lane's top bit was set (Linux {@code int.uc}).
 * The range methods are also the tail of {@link VectorPqSyndrome}.
 */
final class SwarPqSyndrome implements PqSyndrome {

    static final SwarPqSyndrome INSTANCE = new SwarPqSyndrome();

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN = 0xFEFEFEFEFEFEFEFEL;
    private static final long POLY = 0x1D1D1D1D1D1D1D1DL;

    private SwarPqSyndrome() {
    }

    static long timesTwo(long v) {
        long high = v & HIGH_BITS;
        long mask = (high << 1) - (high >>> 7);
        return ((v << 1) & LOW_SEVEN) ^ (mask & POLY);
    }

    static long times(int c, long v) {
        long r = 0;
        long t = v;
        for (int bits = c & 0xFF; bits != 0; bits >>>= 1) {
            if ((bits & 1) != 0) {
                r ^= t;
            }
            t = timesTwo(t);
        }
        return r;
    }

    @Override
    public void generate(MemorySegment[] data, int count, MemorySegment p, MemorySegment q, long length) {
        generateRange(data, count, p, q, 0, length);
    }

    static void generateRange(MemorySegment[] data, int count, MemorySegment p, MemorySegment q, long from, long to) {
        long off = from;
        int last = count - 1;
        for (; off + 32 <= to; off += 32) {
            MemorySegment top = data[last];
            long q0 = top.get(LONG, off);
            long q1 = top.get(LONG, off + 8);
            long q2 = top.get(LONG, off + 16);
            long q3 = top.get(LONG, off + 24);
            long p0 = q0;
            long p1 = q1;
            long p2 = q2;
            long p3 = q3;
            for (int i = last - 1; i >= 0; i--) {
                MemorySegment s = data[i];
                long d0 = s.get(LONG, off);
                long d1 = s.get(LONG, off + 8);
                long d2 = s.get(LONG, off + 16);
                long d3 = s.get(LONG, off + 24);
                p0 ^= d0;
                p1 ^= d1;
                p2 ^= d2;
                p3 ^= d3;
                q0 = timesTwo(q0) ^ d0;
                q1 = timesTwo(q1) ^ d1;
                q2 = timesTwo(q2) ^ d2;
                q3 = timesTwo(q3) ^ d3;
            }
            p.set(LONG, off, p0);
            p.set(LONG, off + 8, p1);
            p.set(LONG, off + 16, p2);
            p.set(LONG, off + 24, p3);
            q.set(LONG, off, q0);
            q.set(LONG, off + 8, q1);
            q.set(LONG, off + 16, q2);
            q.set(LONG, off + 24, q3);
        }
        for (; off + 8 <= to; off += 8) {
            long qv = data[last].get(LONG, off);
            long pv = qv;
            for (int i = last - 1; i >= 0; i--) {
                long d = data[i].get(LONG, off);
                pv ^= d;
                qv = timesTwo(qv) ^ d;
            }
            p.set(LONG, off, pv);
            q.set(LONG, off, qv);
        }
        for (; off < to; off++) {
            int qv = data[last].get(ValueLayout.JAVA_BYTE, off) & 0xFF;
            int pv = qv;
            for (int i = last - 1; i >= 0; i--) {
                int d = data[i].get(ValueLayout.JAVA_BYTE, off) & 0xFF;
                pv ^= d;
                qv = GaloisField.timesGenerator(qv) ^ d;
            }
            p.set(ValueLayout.JAVA_BYTE, off, (byte) pv);
            q.set(ValueLayout.JAVA_BYTE, off, (byte) qv);
        }
    }

    @Override
    public void multiply(MemorySegment dst, int c, long length) {
        multiplyRange(dst, c, 0, length);
    }

    static void multiplyRange(MemorySegment dst, int c, long from, long to) {
        long off = from;
        for (; off + 8 <= to; off += 8) {
            dst.set(LONG, off, times(c, dst.get(LONG, off)));
        }
        for (; off < to; off++) {
            int d = dst.get(ValueLayout.JAVA_BYTE, off) & 0xFF;
            dst.set(ValueLayout.JAVA_BYTE, off, (byte) GaloisField.multiply(c, d));
        }
    }

    @Override
    public void recoverTwo(MemorySegment x, MemorySegment y, MemorySegment p, MemorySegment q, int a, int b,
            long length) {
        recoverTwoRange(x, y, p, q, a, b, 0, length);
    }

    static void recoverTwoRange(MemorySegment x, MemorySegment y, MemorySegment p, MemorySegment q, int a, int b,
            long from, long to) {
        long off = from;
        for (; off + 8 <= to; off += 8) {
            long px = p.get(LONG, off) ^ x.get(LONG, off);
            long qx = q.get(LONG, off) ^ y.get(LONG, off);
            long dx = times(a, px) ^ times(b, qx);
            x.set(LONG, off, dx);
            y.set(LONG, off, px ^ dx);
        }
        for (; off < to; off++) {
            int px = (p.get(ValueLayout.JAVA_BYTE, off) ^ x.get(ValueLayout.JAVA_BYTE, off)) & 0xFF;
            int qx = (q.get(ValueLayout.JAVA_BYTE, off) ^ y.get(ValueLayout.JAVA_BYTE, off)) & 0xFF;
            int dx = GaloisField.multiply(a, px) ^ GaloisField.multiply(b, qx);
            x.set(ValueLayout.JAVA_BYTE, off, (byte) dx);
            y.set(ValueLayout.JAVA_BYTE, off, (byte) (px ^ dx));
        }
    }

    @Override
    public void xor(MemorySegment dst, MemorySegment src, long length) {
        xorRange(dst, src, 0, length);
    }

    static void xorRange(MemorySegment dst, MemorySegment src, long from, long to) {
        long off = from;
        for (; off + 8 <= to; off += 8) {
            dst.set(LONG, off, dst.get(LONG, off) ^ src.get(LONG, off));
        }
        for (; off < to; off++) {
            byte v = (byte) (dst.get(ValueLayout.JAVA_BYTE, off) ^ src.get(ValueLayout.JAVA_BYTE, off));
            dst.set(ValueLayout.JAVA_BYTE, off, v);
        }
    }

    @Override
    public String name() {
        return "swar";
    }
}
