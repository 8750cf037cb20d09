package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vtl.compress.TestBlocks.Kind;
import org.vtl.compress.frame.BlockFrameDescriptor;

/**
 * Seeded fuzzing of the frame reader: random byte strings and mutations of valid frames (bit flips, header fields
 * set to edge values with the header CRC fixed up so the reader goes deeper, payload damage, truncation). Every
 * case must end in a typed {@link BlockFrameException} or in OK with exactly the original bytes; the destination
 * is a fixed buffer, so no case can make the reader allocate by a declared length.
 */
class FrameDecoderFuzzTest {

    private static final int CASES = 120_000;
    private static final int DESTINATION = 16 * 1024;
    private static final long[] EDGE_LENGTHS = {0, 1, 2, 23, 24, 25, 4095, 4096, 4097, 8192, 16_383, 16_384, 16_385,
        (1 << 24) - 1, 1 << 24, (1 << 24) + 1, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};

    private record Seed(ByteBuffer original, ByteBuffer frame) {
    }

    @Test
    void mutatedAndRandomFramesFailTypedOrDecodeExactly() {
        SplittableRandom random = new SplittableRandom(0x5EED_F00DL);
        Map<BlockStatus, Integer> outcomes = new EnumMap<>(BlockStatus.class);
        try (BlockCompressor compressor = new BlockCompressor(PassThroughPolicy.DEFAULT, 1 << 20)) {
            List<Seed> seeds = seeds(compressor);
            ByteBuffer input = ByteBuffer.allocateDirect(DESTINATION + 4096);
            ByteBuffer output = ByteBuffer.allocateDirect(DESTINATION);
            for (int i = 0; i < CASES; i++) {
                Seed seed = seeds.get(random.nextInt(seeds.size()));
                int length = mutate(seed.frame(), input, random);
                BlockStatus status;
                try {
                    int decoded = compressor.decompress(input, 0, length, output, 0, DESTINATION);
                    assertEquals(seed.original().capacity(), decoded, "case " + i + " decoded a different length");
                    assertTrue(TestBlocks.sameBytes(seed.original(), 0, output, 0, decoded),
                            "case " + i + " decoded wrong bytes");
                    status = BlockStatus.OK;
                } catch (BlockFrameException e) {
                    status = e.status();
                } catch (RuntimeException e) {
                    fail("case " + i + " escaped with " + e);
                    return;
                }
                outcomes.merge(status, 1, Integer::sum);
            }
        }
        for (BlockStatus expected : new BlockStatus[] {BlockStatus.OK, BlockStatus.BAD_HEADER,
            BlockStatus.HEADER_CRC_MISMATCH, BlockStatus.BAD_LENGTH, BlockStatus.TRUNCATED,
            BlockStatus.CODEC_ERROR, BlockStatus.CRC_MISMATCH, BlockStatus.UNKNOWN_CODEC,
            BlockStatus.DESTINATION_TOO_SMALL}) {
            assertTrue(outcomes.getOrDefault(expected, 0) > 0, "fuzzing never reached " + expected + ": " + outcomes);
        }
    }

    private static List<Seed> seeds(BlockCompressor compressor) {
        List<Seed> seeds = new ArrayList<>();
        int[] sizes = {0, 1, 17, 512, 3000, 9000, 16_384};
        long seedValue = 1;
        for (Kind kind : Kind.values()) {
            for (int size : sizes) {
                for (Codec codec : Codec.values()) {
                    ByteBuffer original = TestBlocks.direct(kind, size, seedValue++);
                    ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(size));
                    try {
                        int length = compressor.compress(codec, codec == Codec.ZSTD ? 3 : 0, original, frame);
                        seeds.add(new Seed(original, frame.slice(0, length)));
                    } catch (BlockFrameException e) {
                        throw new AssertionError("seed " + kind + " " + size, e);
                    }
                }
            }
        }
        return seeds;
    }

    /** Writes one fuzz case into {@code input} and returns its length. */
    private static int mutate(ByteBuffer frame, ByteBuffer input, SplittableRandom random) {
        int length = frame.capacity();
        input.put(0, frame, 0, length);
        int kind = random.nextInt(100);
        if (kind < 10) {
            length = random.nextInt(Math.min(input.capacity(), 4096));
            for (int i = 0; i < length; i++) {
                input.put(i, (byte) random.nextInt(256));
            }
        } else if (kind < 35) {
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips && length > 0; i++) {
                int at = random.nextInt(length);
                input.put(at, (byte) (input.get(at) ^ (1 << random.nextInt(8))));
            }
        } else if (kind < 65) {
            mutateHeaderField(input, random);
            fixHeaderCrc(input);
        } else if (kind < 85) {
            if (length > BlockFrameDescriptor.HEADER_LENGTH) {
                int changes = 1 + random.nextInt(4);
                for (int i = 0; i < changes; i++) {
                    int at = BlockFrameDescriptor.HEADER_LENGTH
                            + random.nextInt(length - BlockFrameDescriptor.HEADER_LENGTH);
                    input.put(at, (byte) random.nextInt(256));
                }
            }
        } else if (kind < 95) {
            length = random.nextInt(length + 1);
        } else {
            length = Math.min(input.capacity(), length + random.nextInt(64));
        }
        return length;
    }

    private static void mutateHeaderField(ByteBuffer input, SplittableRandom random) {
        ByteBuffer le = input.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        switch (random.nextInt(6)) {
            case 0 -> le.putInt(BlockFrameDescriptor.ORIGINAL_LENGTH_OFFSET, (int) edge(random));
            case 1 -> le.putInt(BlockFrameDescriptor.STORED_LENGTH_OFFSET, (int) edge(random));
            case 2 -> {
                int value = (int) edge(random);
                le.putInt(BlockFrameDescriptor.ORIGINAL_LENGTH_OFFSET, value);
                le.putInt(BlockFrameDescriptor.STORED_LENGTH_OFFSET, value);
            }
            case 3 -> le.put(BlockFrameDescriptor.CODEC_OFFSET, (byte) random.nextInt(4));
            case 4 -> le.put(BlockFrameDescriptor.FLAGS_OFFSET, (byte) random.nextInt(4));
            default -> le.put(random.nextInt(BlockFrameDescriptor.HEADER_CRC_OFFSET), (byte) random.nextInt(256));
        }
    }

    private static long edge(SplittableRandom random) {
        long value = EDGE_LENGTHS[random.nextInt(EDGE_LENGTHS.length)];
        return random.nextBoolean() ? value : value + random.nextInt(-2, 3);
    }

    private static void fixHeaderCrc(ByteBuffer input) {
        BlockFrameFormatTest.fixHeaderCrc(input);
    }
}
