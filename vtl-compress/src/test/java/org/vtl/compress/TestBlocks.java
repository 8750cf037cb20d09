package org.vtl.compress;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Deterministic block contents for tests: text, binary, zeros, random and a mix. */
final class TestBlocks {

    enum Kind { TEXT, BINARY, ZEROS, RANDOM, MIXED }

    private static final String[] WORDS = {"tape", "cartridge", "backup", "volume", "drive", "filemark", "block",
        "segment", "stripe", "INFO", "WARN", "2026-11-23T19:20:00Z", "/var/lib/bacula/", "job=", "status=OK",
        "bytes=", "the", "of", "and", "to", "in", "ERROR", "retry", "catalog", "\n"};

    private TestBlocks() {
    }

    static ByteBuffer direct(Kind kind, int length, long seed) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(length);
        fill(buffer, kind, seed);
        return buffer;
    }

    static void fill(ByteBuffer buffer, Kind kind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int length = buffer.capacity();
        switch (kind) {
            case TEXT -> fillText(buffer, 0, length, random);
            case BINARY -> fillBinary(buffer, 0, length, random);
            case ZEROS -> {
                for (int i = 0; i < length; i++) {
                    buffer.put(i, (byte) 0);
                }
            }
            case RANDOM -> fillRandom(buffer, 0, length, random);
            case MIXED -> {
                int quarter = length / 4;
                fillText(buffer, 0, quarter, random);
                fillRandom(buffer, quarter, quarter, random);
                fillBinary(buffer, 2 * quarter, quarter, random);
                for (int i = 3 * quarter; i < length; i++) {
                    buffer.put(i, (byte) 0);
                }
            }
        }
    }

    static void fillText(ByteBuffer buffer, int offset, int length, SplittableRandom random) {
        int i = 0;
        while (i < length) {
            byte[] word = (WORDS[random.nextInt(WORDS.length)] + " ").getBytes(StandardCharsets.US_ASCII);
            for (int j = 0; j < word.length && i < length; j++, i++) {
                buffer.put(offset + i, word[j]);
            }
        }
    }

    static void fillBinary(ByteBuffer buffer, int offset, int length, SplittableRandom random) {
        int value = random.nextInt();
        for (int i = 0; i < length; i++) {
            if ((i & 3) == 0) {
                value += random.nextInt(16);
            }
            buffer.put(offset + i, (byte) (value >>> ((i & 3) * 8)));
        }
    }

    static void fillRandom(ByteBuffer buffer, int offset, int length, SplittableRandom random) {
        for (int i = 0; i < length; i++) {
            buffer.put(offset + i, (byte) random.nextInt(256));
        }
    }

    static boolean sameBytes(ByteBuffer a, int aOffset, ByteBuffer b, int bOffset, int length) {
        return a.slice(aOffset, length).equals(b.slice(bOffset, length));
    }
}
