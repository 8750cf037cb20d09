package org.vtl.bench.compress;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.vtl.compress.BlockCompressor;
import org.vtl.compress.Codec;
import org.vtl.compress.Completion;
import org.vtl.compress.CompletionListener;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.CompressionStream;
import org.vtl.compress.EngineConfig;
import org.vtl.compress.Operation;

/**
 * Scaling over engine threads for one stream, measured in pairs: each operation pushes the same
 * {@value #BATCH}-block batch through a 1-thread engine and then through a 2-thread engine, and times each
 * (wall clock). Alternating within tens of milliseconds exposes both to the same load from other tenants; each
 * iteration prints the ratio of the 1-thread time to the 2-thread time (the speed-up). {@code pairedZstdThreads}
 * does the same with zstd-jni alone on one and then two plain threads: what the machine gives any two-thread
 * code at that moment, the reference for the engine's figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-XX:MaxDirectMemorySize=1g"})
@State(Scope.Thread)
public class ScalingBenchmark {

    static final int BATCH = 32;

    @Param({"1"})
    public int level;

    @Param({"262144"})
    public int blockSize;

    private ByteBuffer[] blocks;
    private final Lane one = new Lane();
    private final Lane two = new Lane();
    private final double[] speedups = new double[64];
    private int measured;
    private long oneNanos;
    private long twoNanos;
    private int next;

    private java.util.concurrent.ExecutorService zstdThreads;
    private final ThreadLocal<com.github.luben.zstd.ZstdCompressCtx> zstdContext = new ThreadLocal<>();
    private final ThreadLocal<ByteBuffer> zstdOutput = new ThreadLocal<>();

    @Setup(Level.Trial)
    public void setUp() {
        blocks = BenchData.blocks("corpus", blockSize);
        one.start("one", 1, level, blockSize);
        two.start("two", 2, level, blockSize);
        zstdThreads = java.util.concurrent.Executors.newFixedThreadPool(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        one.engine.close();
        two.engine.close();
        zstdThreads.shutdown();
        if (measured > 0) {
            double[] sorted = Arrays.copyOf(speedups, measured);
            Arrays.sort(sorted);
            System.out.printf("scaling-median: level %d, 2 threads vs 1: %.2fx over %d iterations"
                    + " (min %.2f, max %.2f)%n", level, sorted[measured / 2], measured, sorted[0],
                    sorted[measured - 1]);
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        oneNanos = 0;
        twoNanos = 0;
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        double speedup = (double) oneNanos / twoNanos;
        boolean counted = iteration.getType() == IterationType.MEASUREMENT && measured < speedups.length;
        if (counted) {
            speedups[measured++] = speedup;
        }
        System.out.printf("scaling: level %d %s 2 threads vs 1: %.2fx%n", level,
                counted ? "measured" : "warmup", speedup);
    }

    @Benchmark
    public long pairedBatches() throws InterruptedException {
        int first = next;
        long t0 = System.nanoTime();
        long stored = one.run(blocks, first);
        long t1 = System.nanoTime();
        stored += two.run(blocks, first);
        long t2 = System.nanoTime();
        oneNanos += t1 - t0;
        twoNanos += t2 - t1;
        next = (first + BATCH) % blocks.length;
        return stored;
    }

    @Benchmark
    public long pairedZstdThreads() throws Exception {
        int first = next;
        long t0 = System.nanoTime();
        long stored = zstdThreads.submit(() -> compressRange(first, BATCH)).get();
        long t1 = System.nanoTime();
        java.util.concurrent.Future<Long> half = zstdThreads.submit(() -> compressRange(first, BATCH / 2));
        stored += zstdThreads.submit(() -> compressRange(first + BATCH / 2, BATCH / 2)).get() + half.get();
        long t2 = System.nanoTime();
        oneNanos += t1 - t0;
        twoNanos += t2 - t1;
        next = (first + BATCH) % blocks.length;
        return stored;
    }

    private long compressRange(int first, int count) {
        com.github.luben.zstd.ZstdCompressCtx context = zstdContext.get();
        if (context == null) {
            context = new com.github.luben.zstd.ZstdCompressCtx().setLevel(level);
            zstdContext.set(context);
            zstdOutput.set(ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(blockSize)));
        }
        ByteBuffer output = zstdOutput.get();
        long stored = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer block = blocks[(first + i) % blocks.length];
            stored += context.compressDirectByteBuffer(output, 0, output.capacity(), block, 0, blockSize);
        }
        return stored;
    }

    /** One engine, one stream, {@value #BATCH} frame buffers, and a wait for the batch. */
    static final class Lane implements CompletionListener {
        CompressionEngine engine;
        CompressionStream stream;
        ByteBuffer[] frames;
        private int pending;
        private long stored;

        void start(String name, int threads, int level, int blockSize) {
            engine = CompressionEngine.start(EngineConfig.defaults().withName(name).withThreads(threads)
                    .withQueueDepth(2 * BATCH).withCompression(Codec.ZSTD, level), new SimpleMeterRegistry());
            stream = engine.openStream(1);
            frames = new ByteBuffer[BATCH];
            for (int i = 0; i < BATCH; i++) {
                frames[i] = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(blockSize));
            }
        }

        @Override
        public void onCompletion(Completion completion) {
            synchronized (this) {
                stored += completion.outputLength();
                if (--pending == 0) {
                    notifyAll();
                }
            }
        }

        long run(ByteBuffer[] blocks, int first) throws InterruptedException {
            synchronized (this) {
                pending = BATCH;
                stored = 0;
            }
            for (int i = 0; i < BATCH; i++) {
                engine.submit(stream, Operation.COMPRESS, blocks[(first + i) % blocks.length], frames[i], this, null);
            }
            synchronized (this) {
                while (pending > 0) {
                    wait();
                }
                return stored;
            }
        }
    }
}
