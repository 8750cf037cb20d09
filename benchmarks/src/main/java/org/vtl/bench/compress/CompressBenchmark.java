package org.vtl.bench.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
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
import org.vtl.compress.PassThroughPolicy;

/**
 * Compression throughput: one operation is a batch of {@value #BATCH} consecutive blocks.
 * <ul>
 *   <li>{@code zstdDirect}: zstd-jni's {@code ZstdCompressCtx.compressDirectByteBuffer} in a loop, one reused
 *       context per benchmark thread, output into {@value #BATCH} {@code compressBound}-sized buffers in turn, as
 *       the engine writes each frame of a batch into its own buffer (the baseline);</li>
 *   <li>{@code engine}: the same blocks submitted to a {@link CompressionEngine} with {@code engineThreads} threads
 *       (one stream per benchmark thread, all {@value #BATCH} in flight), waiting for the last completion: frames,
 *       CRC32C, pass-through and ordered delivery included.</li>
 * </ul>
 * Run with {@code -t 2} for two submitting threads. Ratio and MB/s come from {@link ByteCounters}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-XX:MaxDirectMemorySize=1g"})
@State(Scope.Benchmark)
public class CompressBenchmark {

    static final int BATCH = 16;

    @Param({"corpus", "random"})
    public String data;

    @Param({"-5", "-1", "1", "3", "6", "9"})
    public int level;

    @Param({"262144"})
    public int blockSize;

    @Param({"1"})
    public int engineThreads;

    @Param({"sampled"})
    public String passThrough;

    /** Piece size for {@code enginePieces} and {@code pairedPieces} (an iSCSI Data-Out segment). */
    @Param({"65536"})
    public int pieceSize;

    ByteBuffer[] blocks;
    /** Each block cut into {@code pieceSize} slices. */
    ByteBuffer[][] pieces;
    CompressionEngine engine;
    final CpuMeter cpu = new CpuMeter();
    final PairedCpu paired = new PairedCpu();
    /** Operations of the paired benchmarks so far: even ones run the baseline half first, odd ones second. */
    int pairs;

    @Setup(Level.Trial)
    public void setUp() {
        blocks = BenchData.blocks(data, blockSize);
        pieces = new ByteBuffer[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            int count = (blockSize + pieceSize - 1) / pieceSize;
            pieces[b] = new ByteBuffer[count];
            for (int p = 0; p < count; p++) {
                int from = p * pieceSize;
                pieces[b][p] = blocks[b].slice(from, Math.min(pieceSize, blockSize - from));
            }
        }
        PassThroughPolicy policy = switch (passThrough) {
            case "sampled" -> PassThroughPolicy.DEFAULT;
            case "unsampled" -> PassThroughPolicy.NO_SAMPLING;
            default -> throw new IllegalArgumentException("passThrough must be sampled or unsampled");
        };
        engine = CompressionEngine.start(EngineConfig.defaults().withName("bench").withThreads(engineThreads)
                .withQueueDepth(4 * BATCH).withPassThrough(policy).withCompression(Codec.ZSTD, level),
                new SimpleMeterRegistry());
        paired.trackEngineThreads("bench");
    }

    @Setup(Level.Trial)
    public void nameHalves(BenchmarkParams params) {
        if (params.getBenchmark().endsWith(".pairedPieces")) {
            paired.name("engine pieces", "engine one buffer");
        } else if (params.getBenchmark().endsWith(".pairedCore")) {
            paired.name("BlockCompressor", "direct");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        cpu.endTrial(label(params));
        paired.endTrial(label(params));
        engine.close();
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        cpu.startIteration();
        paired.startIteration();
    }

    @TearDown(Level.Iteration)
    public void endIteration(BenchmarkParams params, IterationParams iteration) {
        cpu.endIteration(label(params), iteration.getType() == IterationType.MEASUREMENT);
        paired.endIteration(label(params), iteration.getType() == IterationType.MEASUREMENT);
    }

    private String label(BenchmarkParams params) {
        String name = params.getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1) + " " + data + " level " + level + " " + passThrough
                + " engineThreads " + engineThreads + " threads " + params.getThreads();
    }

    /** Per benchmark thread: a zstd context and {@value #BATCH} output buffers for the direct baseline. */
    @State(Scope.Thread)
    public static class Direct {
        ZstdCompressCtx context;
        final ByteBuffer[] outputs = new ByteBuffer[BATCH];
        final CRC32C crc = new CRC32C();
        BlockCompressor compressor;
        int next;

        @Setup(Level.Trial)
        public void setUp(CompressBenchmark bench) {
            context = new ZstdCompressCtx();
            context.setLevel(bench.level);
            for (int i = 0; i < BATCH; i++) {
                outputs[i] = ByteBuffer.allocateDirect((int) Zstd.compressBound(bench.blockSize));
            }
            next = (int) (Thread.currentThread().threadId() * 7 % bench.blocks.length);
            compressor = new BlockCompressor(bench.engine.config().passThrough(), bench.blockSize);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.close();
            compressor.close();
        }
    }

    /** Per benchmark thread: a stream, {@value #BATCH} frame buffers, and a wait for the batch's completions. */
    @State(Scope.Thread)
    public static class Client {
        CompressionStream stream;
        ByteBuffer[] frames;
        int next;
        private final EngineBatch batch = new EngineBatch(false);

        @Setup(Level.Trial)
        public void setUp(CompressBenchmark bench) {
            stream = bench.engine.openStream(Thread.currentThread().threadId());
            frames = new ByteBuffer[BATCH];
            for (int i = 0; i < BATCH; i++) {
                frames[i] = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(bench.blockSize));
            }
            next = (int) (Thread.currentThread().threadId() * 7 % bench.blocks.length);
        }

        long runBatch(CompressionEngine engine, ByteBuffer[] blocks) throws InterruptedException {
            long sum = batch.run(engine, stream, Operation.COMPRESS, blocks, next, frames);
            next = (next + frames.length) % blocks.length;
            return sum;
        }

        long runPieces(CompressionEngine engine, ByteBuffer[][] pieces, int length) throws InterruptedException {
            long sum = batch.runPieces(engine, stream, pieces, length, next, frames);
            next = (next + frames.length) % pieces.length;
            return sum;
        }
    }

    @Benchmark
    public long zstdDirect(Direct direct, ByteCounters counters) {
        long stored = 0;
        for (int i = 0; i < BATCH; i++) {
            ByteBuffer block = blocks[direct.next];
            direct.next = direct.next + 1 == blocks.length ? 0 : direct.next + 1;
            ByteBuffer output = direct.outputs[i];
            stored += direct.context.compressDirectByteBuffer(output, 0, output.capacity(), block, 0, block.capacity());
        }
        counters.nativeBytes += (long) BATCH * blockSize;
        counters.storedBytes += stored;
        cpu.add((long) BATCH * blockSize);
        return stored;
    }

    /**
     * The baseline plus the CRC32C of each block that the frame format requires (and that the cartridge layer
     * would otherwise compute for its record header): isolates the engine's own cost from the checksum's.
     */
    @Benchmark
    public long zstdDirectCrc(Direct direct, ByteCounters counters) {
        long stored = 0;
        long checksums = 0;
        for (int i = 0; i < BATCH; i++) {
            ByteBuffer block = blocks[direct.next];
            direct.next = direct.next + 1 == blocks.length ? 0 : direct.next + 1;
            ByteBuffer output = direct.outputs[i];
            stored += direct.context.compressDirectByteBuffer(output, 0, output.capacity(), block, 0, block.capacity());
            direct.crc.reset();
            direct.crc.update(block.clear());
            block.clear();
            checksums ^= direct.crc.getValue();
        }
        counters.nativeBytes += (long) BATCH * blockSize;
        counters.storedBytes += stored;
        cpu.add((long) BATCH * blockSize);
        return stored ^ checksums;
    }

    /**
     * One batch directly, then the same batch through the engine, each charged its process CPU time (see
     * {@link PairedCpu}); run with {@code engineThreads = 1} and one benchmark thread.
     */
    @Benchmark
    public long paired(Direct direct, Client client, ByteCounters counters) throws InterruptedException {
        // Alternate which half goes first: the second finds the batch's blocks in the cache (which matters for
        // memory-bound work such as pass-through of random data).
        int first = direct.next;
        client.next = first;
        boolean directFirst = (pairs++ & 1) == 0;
        long t0 = paired.now();
        long stored = directFirst ? zstdDirect(direct, counters) : engine(client, counters);
        long t1 = paired.now();
        direct.next = first;
        client.next = first;
        stored += directFirst ? engine(client, counters) : zstdDirect(direct, counters);
        long t2 = paired.now();
        paired.charge(directFirst ? t1 - t0 : t2 - t1, directFirst ? t2 - t1 : t1 - t0);
        direct.next = (first + BATCH) % blocks.length;
        client.next = direct.next;
        return stored;
    }

    @Benchmark
    public long engine(Client client, ByteCounters counters) throws InterruptedException {
        long stored = client.runBatch(engine, blocks);
        counters.nativeBytes += (long) BATCH * blockSize;
        counters.storedBytes += stored;
        cpu.add((long) BATCH * blockSize);
        return stored;
    }

    /** The engine on the same blocks given as {@code pieceSize} pieces each: zstd streaming over the pieces. */
    @Benchmark
    public long enginePieces(Client client, ByteCounters counters) throws InterruptedException {
        long stored = client.runPieces(engine, pieces, blockSize);
        counters.nativeBytes += (long) BATCH * blockSize;
        counters.storedBytes += stored;
        cpu.add((long) BATCH * blockSize);
        return stored;
    }

    /**
     * One batch through the engine from single buffers, then the same blocks in pieces, each charged its CPU (see
     * {@link PairedCpu}): what compressing from pieces costs over one contiguous buffer.
     */
    @Benchmark
    public long pairedPieces(Client client, ByteCounters counters) throws InterruptedException {
        int first = client.next;
        boolean singleFirst = (pairs++ & 1) == 0;
        long t0 = paired.now();
        long stored = singleFirst ? engine(client, counters) : enginePieces(client, counters);
        long t1 = paired.now();
        client.next = first;
        stored += singleFirst ? enginePieces(client, counters) : engine(client, counters);
        long t2 = paired.now();
        paired.charge(singleFirst ? t1 - t0 : t2 - t1, singleFirst ? t2 - t1 : t1 - t0);
        return stored;
    }

    /** The engine's synchronous core alone: {@link BlockCompressor} frames on the benchmark thread, no queue. */
    @Benchmark
    public long compressorDirect(Direct direct, ByteCounters counters) throws BlockFrameException {
        long stored = 0;
        for (int i = 0; i < BATCH; i++) {
            ByteBuffer block = blocks[direct.next];
            direct.next = direct.next + 1 == blocks.length ? 0 : direct.next + 1;
            ByteBuffer output = direct.outputs[i];
            stored += direct.compressor.compress(Codec.ZSTD, level, block, 0, block.capacity(), output, 0,
                    output.capacity());
        }
        counters.nativeBytes += (long) BATCH * blockSize;
        counters.storedBytes += stored;
        cpu.add((long) BATCH * blockSize);
        return stored;
    }

    /**
     * zstd-jni directly, then {@link BlockCompressor} on the same batch, on the benchmark thread (alternating which
     * goes first): the frame work (probe, CRC32C, header, pass-through copy) without the engine's queue and threads.
     */
    @Benchmark
    public long pairedCore(Direct direct, ByteCounters counters) throws BlockFrameException {
        int first = direct.next;
        boolean directFirst = (pairs++ & 1) == 0;
        long t0 = paired.now();
        long stored = directFirst ? zstdDirect(direct, counters) : compressorDirect(direct, counters);
        long t1 = paired.now();
        direct.next = first;
        stored += directFirst ? compressorDirect(direct, counters) : zstdDirect(direct, counters);
        long t2 = paired.now();
        paired.charge(directFirst ? t1 - t0 : t2 - t1, directFirst ? t2 - t1 : t1 - t0);
        return stored;
    }
}
