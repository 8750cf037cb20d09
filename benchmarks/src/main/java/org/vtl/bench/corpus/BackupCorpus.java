package org.vtl.bench.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A deterministic, realistic stand-in for what backup software writes to tape: a tar-like stream of 512-byte
 * member headers, each followed by one file's content padded to 512 bytes. Files are of four kinds, chosen so the
 * bytes of the stream follow a {@link Mix}:
 * <ul>
 *   <li>text: log lines and configuration-like prose over a Zipf-distributed generated vocabulary, with
 *       timestamps, levels and numbers (compresses roughly 3-5:1 under zstd);</li>
 *   <li>binary: fixed-layout records (incrementing ids and timestamps, small counters, codes from a small
 *       alphabet) interleaved with instruction-like bytes from a skewed distribution (roughly 1.5-2.5:1);</li>
 *   <li>zeros: sparse or preallocated regions;</li>
 *   <li>random: already compressed or encrypted files (1:1).</li>
 * </ul>
 * File sizes are log-uniform from 1 KiB to 1 MiB, so blocks of 64-256 KiB usually hold parts of several files.
 * The same seed and length always give the same bytes; the end-to-end benchmark reuses this generator.
 */
public final class BackupCorpus {

    /** The seed the benchmarks use unless told otherwise. */
    public static final long DEFAULT_SEED = 0x7A9E_2026_1123L;

    /**
     * Share of the stream's bytes per file kind, in percent; they must add up to 100.
     */
    public record Mix(int textPercent, int binaryPercent, int zerosPercent, int randomPercent) {

        /** A file-server backup: mostly documents and logs, binaries, some sparse space, a fifth compressed. */
        public static final Mix TYPICAL = new Mix(50, 25, 12, 13);

        /** Only already-compressed data: the pass-through path. */
        public static final Mix INCOMPRESSIBLE = new Mix(0, 0, 0, 100);

        public Mix {
            if (textPercent < 0 || binaryPercent < 0 || zerosPercent < 0 || randomPercent < 0
                    || textPercent + binaryPercent + zerosPercent + randomPercent != 100) {
                throw new IllegalArgumentException("percentages must be >= 0 and add up to 100");
            }
        }
    }

    private static final int TAR_BLOCK = 512;
    private static final int VOCABULARY = 4096;
    private static final int TEMPLATES = 512;
    private static final String[] LEVELS = {"INFO ", "INFO ", "INFO ", "DEBUG", "WARN ", "ERROR"};
    private static final String[] SYLLABLES = {"ba", "ck", "up", "ta", "pe", "vol", "ume", "dri", "ve", "ser",
        "ver", "con", "fig", "lib", "rar", "y", "st", "or", "age", "net", "work", "da", "ta", "base", "in", "dex",
        "re", "ad", "wr", "ite", "sy", "nc", "ch", "ang", "er", "sl", "ot", "mo", "un", "t", "log", "file", "ma",
        "rk", "blo", "ck", "seg", "ment", "pa", "ri", "ty", "qu", "ota", "us", "er", "gr", "oup", "ho", "me"};

    private final SplittableRandom random;
    private final String[] words;
    private final double[] zipfCumulative;
    private final double[] templateCumulative;
    private final String[][] templates;
    private long clockMillis = 1_795_000_000_000L;
    private int fileNumber;

    private BackupCorpus(long seed) {
        this.random = new SplittableRandom(seed);
        this.words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 1 + random.nextInt(3) + (i > 512 ? 1 : 0);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[i] = word.toString();
        }
        this.zipfCumulative = zipf(VOCABULARY);
        this.templateCumulative = zipf(TEMPLATES);
        this.templates = buildTemplates();
    }

    /** A direct buffer of {@code length} corpus bytes (position 0, limit {@code length}). */
    public static ByteBuffer generate(long seed, int length, Mix mix) {
        ByteBuffer out = ByteBuffer.allocateDirect(length);
        new BackupCorpus(seed).fill(out, mix);
        return out.clear();
    }

    /** {@code length} bytes of uniformly random data (the pass-through path). */
    public static ByteBuffer random(long seed, int length) {
        ByteBuffer out = ByteBuffer.allocateDirect(length);
        SplittableRandom random = new SplittableRandom(seed);
        while (out.remaining() >= 8) {
            out.putLong(random.nextLong());
        }
        while (out.hasRemaining()) {
            out.put((byte) random.nextInt(256));
        }
        return out.clear();
    }

    /** Consecutive {@code blockSize}-byte slices of {@code corpus} (a short tail is dropped), as a drive gets them. */
    public static ByteBuffer[] blocks(ByteBuffer corpus, int blockSize) {
        int count = corpus.capacity() / blockSize;
        ByteBuffer[] blocks = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = corpus.slice(i * blockSize, blockSize);
        }
        return blocks;
    }

    private void fill(ByteBuffer out, Mix mix) {
        long[] written = new long[4];
        int[] percent = {mix.textPercent(), mix.binaryPercent(), mix.zerosPercent(), mix.randomPercent()};
        while (out.hasRemaining()) {
            int kind = pickKind(mix);
            // Keep every kind near its share, so a short corpus still has the mix it claims.
            while (written[kind] > (long) out.position() * percent[kind] / 100 + (128 << 10)) {
                kind = pickKind(mix);
            }
            int start = out.position();
            int size = (int) Math.round(Math.exp(Math.log(1024) + random.nextDouble() * Math.log(1024)));
            tarHeader(out, size, kind);
            int end = Math.min(out.capacity(), out.position() + size);
            switch (kind) {
                case 0 -> text(out, end);
                case 1 -> binary(out, end);
                case 2 -> zeros(out, end);
                default -> randomBytes(out, end);
            }
            written[kind] += out.position() - start;
            int padded = Math.min(out.capacity(), (out.position() + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK);
            zeros(out, padded);
        }
    }

    private int pickKind(Mix mix) {
        int roll = random.nextInt(100);
        if (roll < mix.textPercent()) {
            return 0;
        }
        roll -= mix.textPercent();
        if (roll < mix.binaryPercent()) {
            return 1;
        }
        roll -= mix.binaryPercent();
        return roll < mix.zerosPercent() ? 2 : 3;
    }

    private void tarHeader(ByteBuffer out, int size, int kind) {
        int end = Math.min(out.capacity(), out.position() + TAR_BLOCK);
        String[] suffix = {".log", ".bin", ".img", ".gz"};
        String header = "home/" + word() + "/" + word() + "/" + word() + "-" + (fileNumber++) + suffix[kind]
                + "\0" + "0000644\0" + "0001750\0" + "0001750\0" + String.format("%011o", size) + "\0"
                + String.format("%011o", clockMillis / 1000) + "\0" + "ustar  \0" + word() + "\0" + word();
        put(out, header.getBytes(StandardCharsets.US_ASCII), end);
        zeros(out, end);
    }

    /** Log-like text: lines from a Zipf-chosen set of message templates with variable words and numbers. */
    private void text(ByteBuffer out, int end) {
        StringBuilder line = new StringBuilder(200);
        while (out.position() < end) {
            line.setLength(0);
            clockMillis += random.nextInt(2000);
            line.append("2026-11-").append(10 + (int) (clockMillis / 86_400_000L % 20)).append(' ')
                    .append(String.format("%08d", clockMillis % 100_000_000L)).append(' ');
            String[] template = templates[zipfIndex(templateCumulative)];
            for (String part : template) {
                switch (part) {
                    case "%w" -> line.append(word());
                    case "%n" -> line.append(random.nextInt(100_000));
                    case "%t" -> line.append(random.nextInt(8));
                    default -> line.append(part);
                }
            }
            line.append('\n');
            put(out, line.toString().getBytes(StandardCharsets.US_ASCII), end);
        }
    }

    private String[][] buildTemplates() {
        String[][] result = new String[TEMPLATES][];
        for (int t = 0; t < TEMPLATES; t++) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            parts.add(LEVELS[random.nextInt(LEVELS.length)]);
            parts.add(" [" + words[random.nextInt(64)] + "-");
            parts.add("%t");
            parts.add("] " + words[random.nextInt(256)] + "." + words[random.nextInt(VOCABULARY)] + " - ");
            int count = 3 + random.nextInt(10);
            for (int i = 0; i < count; i++) {
                int roll = random.nextInt(10);
                parts.add(roll < 2 ? "%w" : roll < 3 ? "%n" : words[random.nextInt(VOCABULARY)]);
                parts.add(i % 4 == 3 ? ", " : " ");
            }
            result[t] = parts.toArray(String[]::new);
        }
        return result;
    }

    private void binary(ByteBuffer out, int end) {
        int id = random.nextInt(1 << 20);
        long stamp = clockMillis;
        while (out.position() < end) {
            if (random.nextInt(4) == 0) {
                int run = 64 + random.nextInt(448);
                for (int i = 0; i < run && out.position() < end; i++) {
                    out.put(skewedByte());
                }
                continue;
            }
            stamp += random.nextInt(1000);
            long[] record = {id++, stamp, random.nextInt(16), random.nextInt(4) * 0x0101_0101L,
                random.nextInt(256), Double.doubleToLongBits(random.nextInt(10_000) / 100.0)};
            for (long field : record) {
                for (int b = 0; b < 8 && out.position() < end; b++) {
                    out.put((byte) (field >>> (8 * b)));
                }
            }
        }
    }

    /** Bytes shaped like machine code: a few opcodes and zero/0xFF bytes dominate. */
    private byte skewedByte() {
        int roll = random.nextInt(100);
        if (roll < 20) {
            return 0;
        }
        if (roll < 26) {
            return (byte) 0xFF;
        }
        if (roll < 55) {
            return (byte) (0x40 + random.nextInt(16));
        }
        if (roll < 75) {
            return (byte) (0x80 + random.nextInt(16));
        }
        return (byte) random.nextInt(256);
    }

    private static void zeros(ByteBuffer out, int end) {
        while (out.position() < end) {
            out.put((byte) 0);
        }
    }

    private void randomBytes(ByteBuffer out, int end) {
        while (out.position() + 8 <= end) {
            out.putLong(random.nextLong());
        }
        while (out.position() < end) {
            out.put((byte) random.nextInt(256));
        }
    }

    private String word() {
        return words[zipfIndex(zipfCumulative)];
    }

    private int zipfIndex(double[] cumulative) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static void put(ByteBuffer out, byte[] bytes, int end) {
        int length = Math.min(bytes.length, end - out.position());
        out.put(bytes, 0, length);
    }
}
