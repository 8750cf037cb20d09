package org.vtl.raid.parity;

import java.lang.foreign.MemorySegment;

/**
 * Kernels of RAID-6 parity over off-heap memory: P and Q generation, and the GF(2^8) steps that
 * {@link PqRecovery} composes to rebuild erased chunks.
 *
 * <p>Every method works on the first {@code length} bytes of each segment and allocates nothing.
 * Implementations are stateless and thread-safe. {@link #reference()} is a byte-at-a-time oracle for
 * tests; {@link #fastest()} is what the data path uses.
 */
public sealed interface PqSyndrome permits ReferencePqSyndrome, SwarPqSyndrome, VectorPqSyndrome {

    /**
     * Computes {@code P = xor(D_i)} and {@code Q = sum g^i * D_i} over {@code data[0..count)}.
     * P and Q must not alias a data segment.
     */
    void generate(MemorySegment[] data, int count, MemorySegment p, MemorySegment q, long length);

    /** {@code dst = c * dst}. */
    void multiply(MemorySegment dst, int c, long length);

    /**
     * The last step of two-data recovery (Anvin section 4): on entry {@code x} holds P' and {@code y}
     * holds Q', the syndromes computed with both erased chunks taken as zero. On return {@code x} holds
     * {@code Dx = a*(P^P') ^ b*(Q^Q')} and {@code y} holds {@code Dy = (P^P') ^ Dx}.
     */
    void recoverTwo(MemorySegment x, MemorySegment y, MemorySegment p, MemorySegment q, int a, int b, long length);

    /** {@code dst ^= src}. */
    void xor(MemorySegment dst, MemorySegment src, long length);

    /** A short name for logs and benchmark reports. */
    String name();

    /** The byte-wise oracle; never used on the data path. */
    static PqSyndrome reference() {
        return ReferencePqSyndrome.INSTANCE;
    }

    /** 64-bit SWAR: eight bytes per long, no vector hardware needed. */
    static PqSyndrome swar() {
        return SwarPqSyndrome.INSTANCE;
    }

    /** The Vector API kernel at the platform's preferred width, SWAR for the tail. */
    static PqSyndrome vector() {
        return VectorPqSyndrome.INSTANCE;
    }

    /** The fastest kernel available: Vector API when its species is at least 128 bits wide, else SWAR. */
    static PqSyndrome fastest() {
        boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return vectorModule && VectorPqSyndrome.usable() ? VectorPqSyndrome.INSTANCE : SwarPqSyndrome.INSTANCE;
    }
}
