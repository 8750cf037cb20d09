package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vtl.compress.TestBlocks.Kind;

/** Engine meters and the per-stream counters a drive reports in LOG SENSE page 1Bh. */
class EngineStatsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CompressionEngine engine = CompressionEngine.start(
            EngineConfig.defaults().withName("t").withThreads(1).withQueueDepth(4), registry);

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void streamCountsNativeAndFrameBytesBothWays() throws Exception {
        CompressionStream stream = engine.openStream(7);
        ByteBuffer text = TestBlocks.direct(Kind.TEXT, 100_000, 1);
        ByteBuffer random = TestBlocks.direct(Kind.RANDOM, 50_000, 2);
        ByteBuffer textFrame = CompressionEngineTest.frameFor(100_000);
        ByteBuffer randomFrame = CompressionEngineTest.frameFor(50_000);
        int textLength = engine.submit(stream, Operation.COMPRESS, text, textFrame).get(10, TimeUnit.SECONDS)
                .outputLength();
        int randomLength = engine.submit(stream, Operation.COMPRESS, random, randomFrame).get(10, TimeUnit.SECONDS)
                .outputLength();
        engine.submit(stream, Operation.DECOMPRESS, textFrame.slice(0, textLength), ByteBuffer.allocateDirect(100_000))
                .get(10, TimeUnit.SECONDS);

        StreamStats stats = engine.streamStats(7).orElseThrow();
        assertEquals(new StreamStats(7, 2, 150_000, textLength + randomLength, 1, 1, textLength, 100_000, 0), stats);
        assertEquals(150_000L * 100 / (textLength + randomLength), stats.writeRatioPercent());
        assertTrue(stats.writeRatioPercent() > 100);
    }

    @Test
    void resetStatsReturnsPreviousValuesAndClears() throws Exception {
        CompressionStream stream = engine.openStream(7);
        engine.submit(stream, Operation.COMPRESS, TestBlocks.direct(Kind.TEXT, 1000, 1),
                CompressionEngineTest.frameFor(1000)).get(10, TimeUnit.SECONDS);
        assertEquals(1, stream.resetStats().blocksWritten());
        assertEquals(new StreamStats(7, 0, 0, 0, 0, 0, 0, 0, 0), stream.stats());
    }

    @Test
    void unknownStreamHasNoStats() {
        assertTrue(engine.streamStats(99).isEmpty());
    }

    @Test
    void engineMetersCountBytesPassThroughAndLatency() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer text = TestBlocks.direct(Kind.TEXT, 100_000, 1);
        ByteBuffer random = TestBlocks.direct(Kind.RANDOM, 100_000, 2);
        int textFrame = engine.submit(stream, Operation.COMPRESS, text, CompressionEngineTest.frameFor(100_000))
                .get(10, TimeUnit.SECONDS).outputLength();
        int randomFrame = engine.submit(stream, Operation.COMPRESS, random, CompressionEngineTest.frameFor(100_000))
                .get(10, TimeUnit.SECONDS).outputLength();

        assertEquals(200_000.0, registry.get("vtl.compress.bytes.in").tags("engine", "t", "op", "compress")
                .functionCounter().count());
        assertEquals(textFrame + randomFrame, registry.get("vtl.compress.bytes.out")
                .tags("engine", "t", "op", "compress").functionCounter().count());
        assertEquals(1.0, registry.get("vtl.compress.passthrough").counter().count());
        assertEquals(200_000.0 / (textFrame + randomFrame), registry.get("vtl.compress.ratio").gauge().value(), 1e-9);
        assertEquals(1, registry.get("vtl.compress.latency").tags("op", "compress").timer().count(),
                "the first request of the engine thread is timed, the next of 16 is the 17th");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // a future completes inside its listener, just before the request is recycled
        }
        assertEquals(0.0, registry.get("vtl.compress.queue.depth").gauge().value());
        assertEquals(4.0, registry.get("vtl.compress.queue.capacity").gauge().value());
    }

    @Test
    void latencyHistogramRecordsOneRequestInTheSamplingRatePerEngineThread() throws Exception {
        try (CompressionEngine sampled = CompressionEngine.start(EngineConfig.defaults().withName("s").withThreads(1)
                .withQueueDepth(4).withLatencySampling(4), registry)) {
            CompressionStream stream = sampled.openStream(1);
            for (int i = 0; i < 9; i++) {
                sampled.submit(stream, Operation.COMPRESS, TestBlocks.direct(Kind.TEXT, 1_000, i),
                        CompressionEngineTest.frameFor(1_000)).get(10, TimeUnit.SECONDS);
            }
            assertEquals(3, registry.get("vtl.compress.latency").tags("engine", "s", "op", "compress").timer()
                    .count(), "requests 1, 5 and 9");
            assertEquals(9.0, registry.get("vtl.compress.blocks").tags("engine", "s", "op", "compress").counter()
                    .count());
        }
    }

    @Test
    void latencySamplingOfOneRecordsEveryRequest() throws Exception {
        try (CompressionEngine every = CompressionEngine.start(EngineConfig.defaults().withName("e").withThreads(2)
                .withQueueDepth(4).withLatencySampling(1), registry)) {
            CompressionStream stream = every.openStream(1);
            for (int i = 0; i < 5; i++) {
                every.submit(stream, Operation.COMPRESS, TestBlocks.direct(Kind.TEXT, 1_000, i),
                        CompressionEngineTest.frameFor(1_000)).get(10, TimeUnit.SECONDS);
            }
            assertEquals(5, registry.get("vtl.compress.latency").tags("engine", "e", "op", "compress").timer()
                    .count());
        }
    }

    @Test
    void latencySamplingOutsideOneTo65536IsRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> EngineConfig.defaults().withLatencySampling(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> EngineConfig.defaults().withLatencySampling(65_537));
        assertEquals(16, EngineConfig.defaults().latencySampling());
    }

    @Test
    void failuresAreCountedByStatus() throws Exception {
        CompressionStream stream = engine.openStream(1);
        engine.submit(stream, Operation.DECOMPRESS, ByteBuffer.allocateDirect(10), ByteBuffer.allocateDirect(10))
                .get(10, TimeUnit.SECONDS);
        assertEquals(1.0, registry.get("vtl.compress.failures").tags("op", "decompress", "status", "TRUNCATED")
                .counter().count());
    }
}
