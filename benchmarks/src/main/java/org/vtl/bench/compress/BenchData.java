package org.vtl.bench.compress;

import java.nio.ByteBuffer;
import org.vtl.bench.corpus.BackupCorpus;

/** The blocks a benchmark compresses: the typical backup corpus or random data, cut into blocks. */
final class BenchData {

    /** Bytes of generated data per benchmark: 32 MiB, enough to leave the caches, small for a shared box. */
    static final int CORPUS_BYTES = 32 << 20;

    private BenchData() {
    }

    static ByteBuffer[] blocks(String data, int blockSize) {
        ByteBuffer corpus = switch (data) {
            case "corpus" -> BackupCorpus.generate(BackupCorpus.DEFAULT_SEED, CORPUS_BYTES, BackupCorpus.Mix.TYPICAL);
            case "random" -> BackupCorpus.random(BackupCorpus.DEFAULT_SEED, CORPUS_BYTES);
            default -> throw new IllegalArgumentException("data must be corpus or random: " + data);
        };
        return BackupCorpus.blocks(corpus, blockSize);
    }
}
