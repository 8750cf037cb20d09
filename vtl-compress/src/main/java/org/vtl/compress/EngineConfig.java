package org.vtl.compress;

import java.util.Objects;
import org.vtl.compress.frame.BlockFrameDescriptor;

/**
 * Engine settings.
 *
 * @param name tag value for the engine's meters and prefix of its thread names
 * @param threads engine threads (fixed for the engine's life)
 * @param queueDepth requests in flight at most (queued, running, or awaiting in-order delivery); a submitter
 *     waits (or {@code trySubmit} fails) while this many are in flight
 * @param passThrough when blocks are stored raw
 * @param maxBlockLength largest original block accepted, and the cap on a frame's declared original length
 * @param codec codec of newly opened streams
 * @param level zstd level of newly opened streams
 * @param latencySampling one request in this many (per engine thread) is recorded in the latency histogram;
 *     1 records every request. Sampling keeps the histogram's cost (a bucket search and atomic increments on
 *     counters shared by all engine threads, for every ring buffer of the time window) off most blocks, while
 *     the histogram's shape stays that of all requests
 */
public record EngineConfig(String name, int threads, int queueDepth, PassThroughPolicy passThrough,
                           int maxBlockLength, Codec codec, int level, int latencySampling) {

    /** Latency sampling unless configured: one request in 16 per engine thread. */
    public static final int DEFAULT_LATENCY_SAMPLING = 16;

    /** zstd level of new streams unless configured: 1, the fastest level that still searches for matches well. */
    public static final int DEFAULT_LEVEL = 1;

    public EngineConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passThrough, "passThrough");
        Objects.requireNonNull(codec, "codec");
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1..256: " + threads);
        }
        if (queueDepth < 1 || queueDepth > 1 << 16) {
            throw new IllegalArgumentException("queueDepth must be 1..65536: " + queueDepth);
        }
        if (maxBlockLength < 1 || maxBlockLength > BlockFrameDescriptor.MAX_ORIGINAL_LENGTH) {
            throw new IllegalArgumentException("maxBlockLength must be 1.." + BlockFrameDescriptor.MAX_ORIGINAL_LENGTH);
        }
        BlockCompressor.checkLevel(codec, level);
        if (latencySampling < 1 || latencySampling > 1 << 16) {
            throw new IllegalArgumentException("latencySampling must be 1..65536: " + latencySampling);
        }
    }

    /**
     * One thread per available processor, 64 requests in flight, default pass-through, zstd level 1, 16 MiB,
     * latency of one request in 16.
     */
    public static EngineConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new EngineConfig("compress", cores, 64, PassThroughPolicy.DEFAULT,
                BlockFrameDescriptor.MAX_ORIGINAL_LENGTH, Codec.ZSTD, DEFAULT_LEVEL,
                DEFAULT_LATENCY_SAMPLING);
    }

    public EngineConfig withName(String newName) {
        return new EngineConfig(newName, threads, queueDepth, passThrough, maxBlockLength,
                codec, level, latencySampling);
    }

    public EngineConfig withThreads(int newThreads) {
        return new EngineConfig(name, newThreads, queueDepth, passThrough, maxBlockLength,
                codec, level, latencySampling);
    }

    public EngineConfig withQueueDepth(int newDepth) {
        return new EngineConfig(name, threads, newDepth, passThrough, maxBlockLength, codec, level, latencySampling);
    }

    public EngineConfig withPassThrough(PassThroughPolicy newPolicy) {
        return new EngineConfig(name, threads, queueDepth, newPolicy, maxBlockLength, codec, level, latencySampling);
    }

    public EngineConfig withMaxBlockLength(int newMax) {
        return new EngineConfig(name, threads, queueDepth, passThrough, newMax, codec, level, latencySampling);
    }

    public EngineConfig withLatencySampling(int oneIn) {
        return new EngineConfig(name, threads, queueDepth, passThrough, maxBlockLength, codec, level, oneIn);
    }

    public EngineConfig withCompression(Codec newCodec, int newLevel) {
        return new EngineConfig(name, threads, queueDepth, passThrough, maxBlockLength,
                newCodec, newLevel, latencySampling);
    }
}
