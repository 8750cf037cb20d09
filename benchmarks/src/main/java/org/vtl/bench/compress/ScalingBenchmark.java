package org.vtl.bench.compress;

import com.github.luben.zstd.ZstdCompressCtx;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Scaling over threads, the engine's measured against zstd-jni's own in the same operation: each operation pushes
 * the same {@value #BATCH}-block batch (one stream) through a 1-thread engine, a 2-thread engine, then through
 * zstd-jni on 1 and on 2 plain threads that pull blocks from a shared cursor (the engine's work distribution),
 * each writing every block into its own frame buffer (the engine's memory traffic). Every phase is charged its
 * wall time and the CPU time of its threads (thread clocks) plus the submitting thread's.
 *
 * <p>Per iteration it prints, and per trial the median of: each side's wall speed-up (1-thread time / 2-thread
 * time), the engine's speed-up relative to zstd-jni's in the same operation (1.00 = the engine scales exactly as
 * well as the codec itself does on this machine at this moment), each side's CPU per batch with 2 threads versus
 * 1 (above 1 = the second thread costs extra work: contention, cache misses), and how many CPUs each 2-thread
 * phase kept busy (CPU / wall; an engine that serialises stays near 1 even when the machine gives two). On a
 * loaded machine the wall speed-ups fall together; the relative figure and the CPU ratios still show whether the
 * engine itself holds threads back.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-XX:MaxDirectMemorySize=1g"})
@State(Scope.Thread)
public class ScalingBenchmark {

    static final int BATCH = 32;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] FIGURES = {"engine speed-up", "zstd-jni speed-up", "engine / zstd-jni speed-up",
        "engine CPU 2t/1t", "zstd-jni CPU 2t/1t", "engine CPUs busy (2t)", "zstd-jni CPUs busy (2t)"};

    @Param({"1"})
    public int level;

    @Param({"262144"})
    public int blockSize;

    private ByteBuffer[] blocks;
    private final EngineLane engineOne = new EngineLane();
    private final EngineLane engineTwo = new EngineLane();
    private final ZstdLane zstdOne = new ZstdLane();
    private final ZstdLane zstdTwo = new ZstdLane();
    private final double[][] figures = new double[FIGURES.length][64];
    private int measured;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        blocks = BenchData.blocks("corpus", blockSize);
        engineOne.start("one", 1, level, blockSize);
        engineTwo.start("two", 2, level, blockSize);
        zstdOne.start("zstd1", 1, level, blockSize);
        zstdTwo.start("zstd2", 2, level, blockSize);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engineOne.engine.close();
        engineTwo.engine.close();
        zstdOne.pool.shutdown();
        zstdTwo.pool.shutdown();
        if (measured == 0) {
            return;
        }
        StringBuilder line = new StringBuilder("scaling-median: level " + level + " over " + measured + " iterations:");
        for (int f = 0; f < FIGURES.length; f++) {
            double[] sorted = Arrays.copyOf(figures[f], measured);
            Arrays.sort(sorted);
            line.append(String.format(" %s %.2f (%.2f-%.2f);", FIGURES[f], sorted[measured / 2], sorted[0],
                    sorted[measured - 1]));
        }
        System.out.println(line);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        engineOne.phase.reset();
        engineTwo.phase.reset();
        zstdOne.phase.reset();
        zstdTwo.phase.reset();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        double[] values = {
            engineOne.phase.wall / (double) engineTwo.phase.wall,
            zstdOne.phase.wall / (double) zstdTwo.phase.wall,
            0,
            engineTwo.phase.cpu / (double) engineOne.phase.cpu,
            zstdTwo.phase.cpu / (double) zstdOne.phase.cpu,
            engineTwo.phase.cpu / (double) engineTwo.phase.wall,
            zstdTwo.phase.cpu / (double) zstdTwo.phase.wall};
        values[2] = values[0] / values[1];
        boolean counted = iteration.getType() == IterationType.MEASUREMENT && measured < figures[0].length;
        StringBuilder line = new StringBuilder("scaling: level " + level + (counted ? " measured:" : " warmup:"));
        for (int f = 0; f < FIGURES.length; f++) {
            if (counted) {
                figures[f][measured] = values[f];
            }
            line.append(String.format(" %s %.2f;", FIGURES[f], values[f]));
        }
        if (counted) {
            measured++;
        }
        System.out.println(line);
    }

    @Benchmark
    public long paired() throws Exception {
        int first = next;
        long stored = engineOne.measure(blocks, first);
        stored += engineTwo.measure(blocks, first);
        stored += zstdOne.measure(blocks, first);
        stored += zstdTwo.measure(blocks, first);
        next = (first + BATCH) % blocks.length;
        return stored;
    }

    /** Wall and CPU time of one side, summed over an iteration. */
    static final class Phase {
        long wall;
        long cpu;

        void reset() {
            wall = 0;
            cpu = 0;
        }
    }

    /** CPU time of the given threads plus the calling thread's. */
    static long cpuNow(long[] threadIds) {
        long total = THREADS.getCurrentThreadCpuTime();
        for (long id : threadIds) {
            total += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return total;
    }

    /** One engine, one stream, {@value #BATCH} frame buffers, and a wait for the batch. */
    static final class EngineLane implements CompletionListener {
        final Phase phase = new Phase();
        CompressionEngine engine;
        private CompressionStream stream;
        private ByteBuffer[] frames;
        private long[] threadIds;
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
            threadIds = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(name + "-engine-")).mapToLong(Thread::threadId).toArray();
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

        long measure(ByteBuffer[] blocks, int first) throws InterruptedException {
            long cpu0 = cpuNow(threadIds);
            long wall0 = System.nanoTime();
            long result = run(blocks, first);
            phase.wall += System.nanoTime() - wall0;
            phase.cpu += cpuNow(threadIds) - cpu0;
            return result;
        }

        private long run(ByteBuffer[] blocks, int first) throws InterruptedException {
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

    /** zstd-jni on plain threads: each pulls the batch's next block from a shared cursor. */
    static final class ZstdLane {
        final Phase phase = new Phase();
        ExecutorService pool;
        private int threads;
        private int level;
        private ByteBuffer[] frames;
        private final List<Long> ids = new ArrayList<>();
        private long[] threadIds = new long[0];
        private final ThreadLocal<ZstdCompressCtx> context = new ThreadLocal<>();
        private final AtomicInteger cursor = new AtomicInteger();

        void start(String name, int threadCount, int zstdLevel, int blockSize) {
            threads = threadCount;
            level = zstdLevel;
            pool = Executors.newFixedThreadPool(threadCount, task -> {
                Thread thread = new Thread(task, name + "-" + ids.size());
                thread.setDaemon(true);
                synchronized (ids) {
                    ids.add(thread.threadId());
                }
                return thread;
            });
            frames = new ByteBuffer[BATCH];
            for (int i = 0; i < BATCH; i++) {
                frames[i] = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(blockSize));
            }
        }

        long measure(ByteBuffer[] blocks, int first) throws Exception {
            long cpu0 = cpuNow(threadIds);
            long wall0 = System.nanoTime();
            cursor.set(0);
            List<Future<Long>> parts = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> compress(blocks, first)));
            }
            long stored = 0;
            for (Future<Long> part : parts) {
                stored += part.get();
            }
            long wall = System.nanoTime() - wall0;
            if (threadIds.length < threads) {
                synchronized (ids) {
                    threadIds = ids.stream().mapToLong(Long::longValue).toArray();
                }
                return stored; // the pool's threads were just created: this batch's CPU is unknown, skip it
            }
            phase.wall += wall;
            phase.cpu += cpuNow(threadIds) - cpu0;
            return stored;
        }

        private long compress(ByteBuffer[] blocks, int first) {
            ZstdCompressCtx ctx = context.get();
            if (ctx == null) {
                ctx = new ZstdCompressCtx().setLevel(level);
                context.set(ctx);
            }
            long stored = 0;
            int i;
            while ((i = cursor.getAndIncrement()) < BATCH) {
                ByteBuffer block = blocks[(first + i) % blocks.length];
                ByteBuffer frame = frames[i];
                stored += ctx.compressDirectByteBuffer(frame, 0, frame.capacity(), block, 0, block.capacity());
            }
            return stored;
        }
    }
}
