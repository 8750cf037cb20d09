package org.vtl.raid.parity;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The byte-at-a-time oracle: a direct transcription of the definitions, kept for tests only. */
final class ReferencePqSyndrome implements PqSyndrome {

    static final ReferencePqSyndrome INSTANCE = new ReferencePqSyndrome();

    private ReferencePqSyndrome() {
    }

    @Override
    public void generate(MemorySegment[] data, int count, MemorySegment p, MemorySegment q, long length) {
        for (long off = 0; off < length; off++) {
            int pv = 0;
            int qv = 0;
            for (int i = 0; i < count; i++) {
                int d = get(data[i], off);
                pv ^= d;
                qv ^= GaloisField.multiply(GaloisField.exp(i), d);
            }
            put(p, off, pv);
            put(q, off, qv);
        }
    }

    @Override
    public void multiply(MemorySegment dst, int c, long length) {
        for (long off = 0; off < length; off++) {
            put(dst, off, GaloisField.multiply(c, get(dst, off)));
        }
    }

    @Override
    public void recoverTwo(MemorySegment x, MemorySegment y, MemorySegment p, MemorySegment q, int a, int b,
            long length) {
        for (long off = 0; off < length; off++) {
            int px = get(p, off) ^ get(x, off);
            int qx = get(q, off) ^ get(y, off);
            int dx = GaloisField.multiply(a, px) ^ GaloisField.multiply(b, qx);
            put(x, off, dx);
            put(y, off, px ^ dx);
        }
    }

    @Override
    public void xor(MemorySegment dst, MemorySegment src, long length) {
        for (long off = 0; off < length; off++) {
            put(dst, off, get(dst, off) ^ get(src, off));
        }
    }

    @Override
    public String name() {
        return "reference";
    }

    private static int get(MemorySegment s, long off) {
        return s.get(ValueLayout.JAVA_BYTE, off) & 0xFF;
    }

    private static void put(MemorySegment s, long off, int v) {
        s.set(ValueLayout.JAVA_BYTE, off, (byte) v);
    }
}
