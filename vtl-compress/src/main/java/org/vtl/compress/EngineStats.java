package org.vtl.compress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * The engine's meters, all tagged {@code engine=<name>}:
 * <ul>
 *   <li>{@code vtl.compress.bytes.in} / {@code vtl.compress.bytes.out} (counters, tag {@code op}): original bytes
 *       in and frame bytes out for compress, frame bytes in and original bytes out for decompress;</li>
 *   <li>{@code vtl.compress.ratio} (gauge): original / frame bytes over all compress requests so far;</li>
 *   <li>{@code vtl.compress.passthrough} (counter): blocks stored raw although a codec was asked for;</li>
 *   <li>{@code vtl.compress.blocks} (counter, tag {@code op}) and {@code vtl.compress.failures} (counter, tags
 *       {@code op}, {@code status});</li>
 *   <li>{@code vtl.compress.queue.depth} (gauge): requests in flight; {@code vtl.compress.queue.capacity};</li>
 *   <li>{@code vtl.compress.latency} (timer with percentile histogram, tag {@code op}): submission to completion,
 *       excluding the listener, of one request in {@link EngineConfig#latencySampling()} per engine thread (and of
 *       every aborted one): its count is the sampled requests, its distribution that of all of them. Counts of
 *       requests are {@code vtl.compress.blocks} and {@code vtl.compress.failures}.</li>
 * </ul>
 * Recording allocates nothing: counters are adders (striped, so engine threads do not contend), the timer's
 * histogram is preallocated. Per block the engine adds to three adders and increments one counter; the histogram,
 * which costs a bucket search and atomic increments on counters shared by every engine thread for each buffer of
 * its time window, only for sampled requests.
 */
final class EngineStats {

    private final LongAdder compressIn = new LongAdder();
    private final LongAdder compressOut = new LongAdder();
    private final LongAdder decompressIn = new LongAdder();
    private final LongAdder decompressOut = new LongAdder();
    private final Counter passThrough;
    private final Counter[] blocks = new Counter[Operation.values().length];
    private final Counter[][] failures = new Counter[Operation.values().length][BlockStatus.values().length];
    private final Timer[] latency = new Timer[Operation.values().length];

    EngineStats(MeterRegistry registry, String engineName, SubmissionQueue queue) {
        Tags engine = Tags.of("engine", engineName);
        byteCounter(registry, "vtl.compress.bytes.in", engine, "compress", compressIn, "Original bytes compressed");
        byteCounter(registry, "vtl.compress.bytes.out", engine, "compress", compressOut, "Frame bytes produced");
        byteCounter(registry, "vtl.compress.bytes.in", engine, "decompress", decompressIn, "Frame bytes read");
        byteCounter(registry, "vtl.compress.bytes.out", engine, "decompress", decompressOut, "Original bytes restored");
        Gauge.builder("vtl.compress.ratio", this, ratio()).tags(engine)
                .description("Original bytes / frame bytes over all compressed blocks").register(registry);
        passThrough = Counter.builder("vtl.compress.passthrough").tags(engine)
                .description("Blocks stored raw because they did not shrink enough").register(registry);
        Gauge.builder("vtl.compress.queue.depth", queue, q -> q.inFlight()).tags(engine)
                .description("Requests in flight").register(registry);
        Gauge.builder("vtl.compress.queue.capacity", queue, q -> q.depth()).tags(engine)
                .description("Most requests in flight").register(registry);
        for (Operation op : Operation.values()) {
            Tags tags = engine.and("op", op.name().toLowerCase(java.util.Locale.ROOT));
            blocks[op.ordinal()] = Counter.builder("vtl.compress.blocks").tags(tags)
                    .description("Requests completed OK").register(registry);
            for (BlockStatus status : BlockStatus.values()) {
                if (status != BlockStatus.OK) {
                    failures[op.ordinal()][status.ordinal()] = Counter.builder("vtl.compress.failures")
                            .tags(tags.and("status", status.name())).description("Requests that failed")
                            .register(registry);
                }
            }
            latency[op.ordinal()] = Timer.builder("vtl.compress.latency").tags(tags)
                    .description("Submission to completion").publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry);
        }
    }

    private static void byteCounter(MeterRegistry registry, String name, Tags engine, String op, LongAdder adder,
                                    String description) {
        FunctionCounter.builder(name, adder, LongAdder::doubleValue).tags(engine.and("op", op)).baseUnit("bytes")
                .description(description).register(registry);
    }

    private static ToDoubleFunction<EngineStats> ratio() {
        return stats -> {
            long out = stats.compressOut.sum();
            return out == 0 ? 1.0 : (double) stats.compressIn.sum() / out;
        };
    }

    /** Counts a finished request; {@code timed} puts its latency in the histogram. */
    void record(CompressJob job, boolean timed) {
        int op = job.operation.ordinal();
        if (timed) {
            latency[op].record(System.nanoTime() - job.submitNanos, TimeUnit.NANOSECONDS);
        }
        if (job.status != BlockStatus.OK) {
            failures[op][job.status.ordinal()].increment();
            return;
        }
        blocks[op].increment();
        if (job.operation == Operation.COMPRESS) {
            compressIn.add(job.inputLength);
            compressOut.add(job.outputLength);
            if (job.raw() && job.codec != Codec.NONE) {
                passThrough.increment();
            }
        } else {
            decompressIn.add(job.inputLength);
            decompressOut.add(job.outputLength);
        }
    }
}
