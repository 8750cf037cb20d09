package org.vtl.bench.e2e;

import java.nio.ByteBuffer;
import org.vtl.bench.corpus.BackupCorpus;

/**
 * Deterministic block contents: a pool of bytes from the project's {@link BackupCorpus} generator in direct
 * memory, from which block {@code n} of drive
 * {@code d} is a slice at a fixed pseudo-random offset. Writing sends the slice itself (no copy) and read-back
 * compares against it, so the client does no per-block generation work. Blocks overlap in the pool, but every
 * block's own content has the corpus' statistics, which is what per-block compression sees.
 */
public final class Corpus {
    /** Which bytes a corpus holds. */
    public enum Kind {
        /** Incompressible: uniformly random bytes. */
        RANDOM,
        /** A realistic backup mix, {@link BackupCorpus.Mix#TYPICAL} (about 2:1 to 3:1 under zstd). */
        REALISTIC;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind of(String label) {
            return valueOf(label.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private static final long STRIDE = 0x9E3779B97F4A7C15L;

    private final Kind kind;
    private final ByteBuffer pool;

    private Corpus(Kind kind, ByteBuffer pool) {
        this.kind = kind;
        this.pool = pool.asReadOnlyBuffer();
    }

    /** Generates a pool of {@code poolBytes} bytes from {@code seed}; equal arguments give equal bytes. */
    public static Corpus generate(Kind kind, long seed, int poolBytes) {
        ByteBuffer pool = switch (kind) {
            case RANDOM -> BackupCorpus.random(seed, poolBytes);
            case REALISTIC -> BackupCorpus.generate(seed, poolBytes, BackupCorpus.Mix.TYPICAL);
        };
        return new Corpus(kind, pool);
    }

    public Kind kind() {
        return kind;
    }

    public int poolBytes() {
        return pool.capacity();
    }

    /** A read-only view of block {@code block} of drive {@code drive}, {@code blockSize} bytes long. */
    public ByteBuffer block(int drive, long block, int blockSize) {
        long span = pool.capacity() - blockSize + 1L;
        if (span <= 0) {
            throw new IllegalArgumentException("block size " + blockSize + " exceeds the corpus pool");
        }
        long h = (block + 1) * STRIDE + drive * 0xD1B54A32D192ED03L;
        h ^= h >>> 29;
        int offset = (int) Math.floorMod(h, span);
        return pool.slice(offset, blockSize);
    }
}
