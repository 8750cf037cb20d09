package org.vtl.bench.e2e;

import com.github.luben.zstd.Zstd;
import java.nio.ByteBuffer;

/**
 * What zstd level 1 makes of a corpus when each block is compressed on its own (as the appliance does):
 * uncompressed bytes divided by compressed bytes, and the single-thread compression speed on this machine.
 *
 * @param ratio       uncompressed / compressed
 * @param mbPerSecond single-thread zstd -1 compression speed in MB/s (10^6 bytes)
 */
public record CorpusRatio(double ratio, double mbPerSecond) {

    /** Compresses {@code blocks} blocks of drive 0 (after one warm-up pass) and measures. */
    public static CorpusRatio measure(Corpus corpus, int blockSize, int blocks) {
        ByteBuffer dst = ByteBuffer.allocateDirect((int) Zstd.compressBound(blockSize));
        compressAll(corpus, blockSize, Math.min(blocks, 16), dst);
        long start = System.nanoTime();
        long compressed = compressAll(corpus, blockSize, blocks, dst);
        long nanos = System.nanoTime() - start;
        long raw = (long) blockSize * blocks;
        return new CorpusRatio((double) raw / compressed, raw / (nanos / 1e9) / 1e6);
    }

    private static long compressAll(Corpus corpus, int blockSize, int blocks, ByteBuffer dst) {
        long total = 0;
        for (int b = 0; b < blocks; b++) {
            ByteBuffer src = corpus.block(0, b, blockSize);
            dst.clear();
            total += Zstd.compressDirectByteBuffer(dst, 0, dst.capacity(), src, src.position(), src.remaining(), 1);
        }
        return total;
    }
}
