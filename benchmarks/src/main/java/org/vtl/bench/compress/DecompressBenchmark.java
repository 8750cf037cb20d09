package org.vtl.bench.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.vtl.compress.BlockCompressor;
import org.vtl.compress.BlockFrameException;
import org.vtl.compress.Codec;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.CompressionStream;
import org.vtl.compress.EngineConfig;
import org.vtl.compress.Operation;

/**
 * Decompression throughput, one operation = {@value #BATCH} blocks: {@code zstdDirect} decodes plain zstd frames
 * with a reused {@code ZstdDecompressCtx}; {@code engine} decodes block frames of the same blocks through the
 * engine (header checks and CRC32C verification included). MB/s counts original bytes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-XX:MaxDirectMemorySize=1g"})
@State(Scope.Benchmark)
public class DecompressBenchmark {

    static final int BATCH = 16;

    @Param({"corpus"})
    public String data;

    @Param({"1"})
    public int level;

    @Param({"262144"})
    public int blockSize;

    @Param({"1"})
    public int engineThreads;

    ByteBuffer[] frames;
    ByteBuffer[] zstdFrames;
    CompressionEngine engine;
    final CpuMeter cpu = new CpuMeter();

    @Setup(Level.Trial)
    public void setUp() throws BlockFrameException {
        ByteBuffer[] blocks = BenchData.blocks(data, blockSize);
        frames = new ByteBuffer[blocks.length];
        zstdFrames = new ByteBuffer[blocks.length];
        try (BlockCompressor compressor = new BlockCompressor(); ZstdCompressCtx zstd = new ZstdCompressCtx()) {
            zstd.setLevel(level);
            ByteBuffer scratch = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(blockSize));
            for (int i = 0; i < blocks.length; i++) {
                int length = compressor.compress(Codec.ZSTD, level, blocks[i], scratch);
                frames[i] = ByteBuffer.allocateDirect(length).put(0, scratch, 0, length);
                int plain = zstd.compressDirectByteBuffer(scratch, 0, scratch.capacity(), blocks[i], 0, blockSize);
                zstdFrames[i] = ByteBuffer.allocateDirect(plain).put(0, scratch, 0, plain);
            }
        }
        engine = CompressionEngine.start(EngineConfig.defaults().withName("bench").withThreads(engineThreads)
                .withQueueDepth(4 * BATCH), new SimpleMeterRegistry());
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        cpu.endTrial(label(params));
        engine.close();
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        cpu.startIteration();
    }

    @TearDown(Level.Iteration)
    public void endIteration(BenchmarkParams params, IterationParams iteration) {
        cpu.endIteration(label(params), iteration.getType() == IterationType.MEASUREMENT);
    }

    private String label(BenchmarkParams params) {
        String name = params.getBenchmark();
        return "decompress " + name.substring(name.lastIndexOf('.') + 1) + " " + data + " level " + level
                + " engineThreads " + engineThreads + " threads " + params.getThreads();
    }

    /** Per benchmark thread: a decompression context and an output buffer. */
    @State(Scope.Thread)
    public static class Direct {
        ZstdDecompressCtx context;
        ByteBuffer output;
        int next;

        @Setup(Level.Trial)
        public void setUp(DecompressBenchmark bench) {
            context = new ZstdDecompressCtx();
            output = ByteBuffer.allocateDirect(bench.blockSize);
            next = (int) (Thread.currentThread().threadId() * 7 % bench.frames.length);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.close();
        }
    }

    /** Per benchmark thread: a stream, output buffers, and a wait for the batch. */
    @State(Scope.Thread)
    public static class Client {
        CompressionStream stream;
        ByteBuffer[] outputs;
        int next;
        private final EngineBatch batch = new EngineBatch(true);

        @Setup(Level.Trial)
        public void setUp(DecompressBenchmark bench) {
            stream = bench.engine.openStream(Thread.currentThread().threadId());
            outputs = new ByteBuffer[BATCH];
            for (int i = 0; i < BATCH; i++) {
                outputs[i] = ByteBuffer.allocateDirect(bench.blockSize);
            }
            next = (int) (Thread.currentThread().threadId() * 7 % bench.frames.length);
        }

        long runBatch(CompressionEngine engine, ByteBuffer[] frames) throws InterruptedException {
            long sum = batch.run(engine, stream, Operation.DECOMPRESS, frames, next, outputs);
            next = (next + outputs.length) % frames.length;
            return sum;
        }
    }

    @Benchmark
    public long zstdDirect(Direct direct, ByteCounters counters) {
        long consumed = 0;
        for (int i = 0; i < BATCH; i++) {
            ByteBuffer frame = zstdFrames[direct.next];
            direct.next = direct.next + 1 == zstdFrames.length ? 0 : direct.next + 1;
            direct.context.decompressDirectByteBuffer(direct.output, 0, blockSize, frame, 0, frame.capacity());
            consumed += frame.capacity();
        }
        counters.nativeBytes += (long) BATCH * blockSize;
        counters.storedBytes += consumed;
        cpu.add((long) BATCH * blockSize);
        return consumed;
    }

    @Benchmark
    public long engine(Client client, ByteCounters counters) throws InterruptedException {
        long consumed = client.runBatch(engine, frames);
        counters.nativeBytes += (long) BATCH * blockSize;
        counters.storedBytes += consumed;
        cpu.add((long) BATCH * blockSize);
        return consumed;
    }
}
