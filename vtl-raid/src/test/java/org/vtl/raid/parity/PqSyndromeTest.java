package org.vtl.raid.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PqSyndromeTest {

    private static final long[] LENGTHS = {1, 7, 8, 9, 63, 64, 65, 127, 4096, 4096 + 13, 65536};

    static List<PqSyndrome> fastKernels() {
        return List.of(PqSyndrome.swar(), PqSyndrome.vector(), VectorPqSyndrome.SHIFT_ADD, PqSyndrome.fastest());
    }

    @ParameterizedTest
    @MethodSource("fastKernels")
    void fastKernelMatchesReferenceForEveryWidthAndLength(PqSyndrome kernel) {
        for (int k = 2; k <= 22; k++) {
            for (long length : LENGTHS) {
                long seed = 31L * k + length;
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment[] data = Chunks.random(arena, k, length, seed);
                    MemorySegment p = Chunks.filled(arena, length, 0xA5);
                    MemorySegment q = Chunks.filled(arena, length, 0x5A);
                    MemorySegment refP = arena.allocate(length);
                    MemorySegment refQ = arena.allocate(length);
                    PqSyndrome.reference().generate(data, k, refP, refQ, length);
                    kernel.generate(data, k, p, q, length);
                    String name = kernel.name() + " k=" + k + " length=" + length + " seed=" + seed;
                    assertTrue(Chunks.equal(refP, p, length), "P differs: " + name);
                    assertTrue(Chunks.equal(refQ, q, length), "Q differs: " + name);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fastKernels")
    void fastKernelLeavesBytesBeyondLengthUntouched(PqSyndrome kernel) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] data = Chunks.random(arena, 4, 200, 9);
            MemorySegment p = Chunks.filled(arena, 200, 0xEE);
            MemorySegment q = Chunks.filled(arena, 200, 0xEE);
            kernel.generate(data, 4, p, q, 131);
            for (long off = 131; off < 200; off++) {
                assertEquals((byte) 0xEE, p.get(ValueLayout.JAVA_BYTE, off), kernel.name() + " P at " + off);
                assertEquals((byte) 0xEE, q.get(ValueLayout.JAVA_BYTE, off), kernel.name() + " Q at " + off);
            }
        }
    }

    @Test
    void qIsTheSumOfPowersOfTwoTimesDataAsInLinuxMd() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] data = new MemorySegment[3];
            data[0] = arena.allocate(1);
            data[1] = arena.allocate(1);
            data[2] = arena.allocate(1);
            data[0].set(ValueLayout.JAVA_BYTE, 0, (byte) 0x01);
            data[1].set(ValueLayout.JAVA_BYTE, 0, (byte) 0x01);
            data[2].set(ValueLayout.JAVA_BYTE, 0, (byte) 0x80);
            MemorySegment p = arena.allocate(1);
            MemorySegment q = arena.allocate(1);
            for (PqSyndrome kernel : allKernels()) {
                kernel.generate(data, 3, p, q, 1);
                assertEquals((byte) 0x80, p.get(ValueLayout.JAVA_BYTE, 0), kernel.name());
                // 1*1 ^ 2*1 ^ 4*0x80 = 1 ^ 2 ^ 0x3A
                assertEquals((byte) 0x39, q.get(ValueLayout.JAVA_BYTE, 0), kernel.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fastKernels")
    void multiplyByConstantMatchesTheFieldForEveryConstant(PqSyndrome kernel) {
        try (Arena arena = Arena.ofConfined()) {
            long length = 256 + 77;
            MemorySegment src = arena.allocate(length);
            for (int i = 0; i < length; i++) {
                src.set(ValueLayout.JAVA_BYTE, i, (byte) i);
            }
            MemorySegment dst = arena.allocate(length);
            for (int c = 0; c < 256; c++) {
                dst.copyFrom(src);
                kernel.multiply(dst, c, length);
                for (int i = 0; i < length; i++) {
                    int expected = GaloisField.multiply(c, i & 0xFF);
                    assertEquals((byte) expected, dst.get(ValueLayout.JAVA_BYTE, i),
                            kernel.name() + " c=" + c + " i=" + i);
                }
            }
        }
    }

    /**
     * P and Q of five 64-byte chunks as printed by Intel ISA-L's {@code pq_gen} (the same math as Linux md
     * raid6) for data byte {@code D_i[j] = ((i+1)*(j*j+7)*2654435761 mod 2^32) >>> 13} truncated to 8 bits.
     */
    @ParameterizedTest
    @MethodSource("allKernels")
    void parityIsBitIdenticalToIsaLPqGenVectors(PqSyndrome kernel) {
        String expectedP = "27d819b0df61a9384ecb7e85df97cbf2b03458f7a2c7002e71b348ee487ce121"
                + "3a27ac056f3265b983e03692e82f35074e8f343d0b78e35a9916fb5190619050";
        String expectedQ = "0feb78928a0625d20fe30cdf27722795cba5dffecf528f2a548b789de1e3d6e2"
                + "47f711c846b3756bc449ed638434d413b66aa989c6667316c233e86b61846177";
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] data = new MemorySegment[5];
            for (int i = 0; i < 5; i++) {
                data[i] = arena.allocate(64);
                for (int j = 0; j < 64; j++) {
                    long v = ((i + 1L) * (j * j + 7L) * 2654435761L) & 0xFFFFFFFFL;
                    data[i].set(ValueLayout.JAVA_BYTE, j, (byte) (v >>> 13));
                }
            }
            MemorySegment p = arena.allocate(64);
            MemorySegment q = arena.allocate(64);
            kernel.generate(data, 5, p, q, 64);
            assertEquals(expectedP, HexFormat.of().formatHex(p.toArray(ValueLayout.JAVA_BYTE)), kernel.name() + " P");
            assertEquals(expectedQ, HexFormat.of().formatHex(q.toArray(ValueLayout.JAVA_BYTE)), kernel.name() + " Q");
        }
    }

    static List<PqSyndrome> allKernels() {
        return List.of(PqSyndrome.reference(), PqSyndrome.swar(), PqSyndrome.vector(), VectorPqSyndrome.SHIFT_ADD);
    }
}
