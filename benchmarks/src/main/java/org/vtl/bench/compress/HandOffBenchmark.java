package org.vtl.bench.compress;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.vtl.compress.BlockCompressor;
import org.vtl.compress.BlockFrameException;
import org.vtl.compress.Codec;
import org.vtl.compress.Completion;
import org.vtl.compress.CompletionListener;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.CompressionStream;
import org.vtl.compress.EngineConfig;
import org.vtl.compress.Operation;

/**
 * The engine's fixed cost per block: small blocks (4 KiB of the corpus by default), so the compression itself is
 * a few microseconds and the queue, the thread hand-off, the statistics and the ordered delivery show.
 * <ul>
 *   <li>{@code direct}: {@link BlockCompressor} on the benchmark thread, the same work with no engine;</li>
 *   <li>{@code roundTrip}: submit one block and park until its completion unparks the submitter, as a tape drive's
 *       codec does (one block in flight per drive): everything the engine adds, wake-ups included;</li>
 *   <li>{@code pipelined}: {@value #BATCH} blocks in flight, waiting for the last: the per-block cost when the
 *       engine threads stay busy.</li>
 * </ul>
 * Average time per block; {@code -prof gc} shows the allocation per block ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-XX:MaxDirectMemorySize=1g"})
@State(Scope.Thread)
public class HandOffBenchmark implements CompletionListener {

    static final int BATCH = 16;

    @Param({"4096"})
    public int blockSize;

    @Param({"1"})
    public int engineThreads;

    private ByteBuffer[] blocks;
    private ByteBuffer[] frames;
    private CompressionEngine engine;
    private CompressionStream stream;
    private BlockCompressor compressor;
    private int next;
    private volatile Thread waiter;
    private volatile int pending;
    private long stored;

    @Setup(Level.Trial)
    public void setUp() {
        blocks = BenchData.blocks("corpus", blockSize);
        frames = new ByteBuffer[BATCH];
        for (int i = 0; i < BATCH; i++) {
            frames[i] = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(blockSize));
        }
        engine = CompressionEngine.start(EngineConfig.defaults().withName("handoff").withThreads(engineThreads)
                .withQueueDepth(2 * BATCH).withCompression(Codec.ZSTD, 1), new SimpleMeterRegistry());
        stream = engine.openStream(1);
        compressor = new BlockCompressor();
        waiter = Thread.currentThread();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        compressor.close();
    }

    @Override
    public void onCompletion(Completion completion) {
        stored += completion.outputLength();
        if (--pending == 0) {
            LockSupport.unpark(waiter);
        }
    }

    private ByteBuffer nextBlock() {
        ByteBuffer block = blocks[next];
        next = next + 1 == blocks.length ? 0 : next + 1;
        return block;
    }

    @Benchmark
    public int direct() throws BlockFrameException {
        return compressor.compress(Codec.ZSTD, 1, nextBlock(), frames[0]);
    }

    @Benchmark
    public long roundTrip() throws InterruptedException {
        pending = 1;
        engine.submit(stream, Operation.COMPRESS, nextBlock(), frames[0], this, null);
        while (pending > 0) {
            LockSupport.park(this);
        }
        return stored;
    }

    /** Per operation {@value #BATCH} blocks; divide the time by {@value #BATCH} for the time per block. */
    @Benchmark
    public long pipelined() throws InterruptedException {
        pending = BATCH;
        for (int i = 0; i < BATCH; i++) {
            engine.submit(stream, Operation.COMPRESS, nextBlock(), frames[i], this, null);
        }
        while (pending > 0) {
            LockSupport.park(this);
        }
        return stored;
    }
}
