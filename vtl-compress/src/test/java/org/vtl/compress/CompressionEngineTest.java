package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vtl.compress.TestBlocks.Kind;

class CompressionEngineTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private CompressionEngine engine = CompressionEngine.start(
            EngineConfig.defaults().withThreads(2).withQueueDepth(8), registry);

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void compressThenDecompressThroughEngineRestoresBlock() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer source = TestBlocks.direct(Kind.MIXED, 100_000, 9);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(100_000));
        BlockResult written = engine.submit(stream, Operation.COMPRESS, source, frame).get(10, TimeUnit.SECONDS);
        assertEquals(BlockStatus.OK, written.status());
        ByteBuffer restored = ByteBuffer.allocateDirect(100_000);
        BlockResult read = engine.submit(stream, Operation.DECOMPRESS, frame.slice(0, written.outputLength()),
                restored).get(10, TimeUnit.SECONDS);
        assertEquals(BlockStatus.OK, read.status());
        assertEquals(100_000, read.outputLength());
        assertEquals(written.outputLength(), read.inputLength());
        assertTrue(TestBlocks.sameBytes(source, 0, restored, 0, 100_000));
    }

    @Test
    void readOnlyPayloadViewCompressesAndRestores() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer source = TestBlocks.direct(Kind.MIXED, 300_000, 3);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(300_000));
        BlockResult written = engine.submit(stream, Operation.COMPRESS, source.asReadOnlyBuffer(), frame)
                .get(10, TimeUnit.SECONDS);
        ByteBuffer restored = ByteBuffer.allocateDirect(300_000);
        BlockResult read = engine.submit(stream, Operation.DECOMPRESS,
                frame.slice(0, written.outputLength()).asReadOnlyBuffer(), restored).get(10, TimeUnit.SECONDS);
        assertEquals(BlockStatus.OK, read.status());
        assertTrue(TestBlocks.sameBytes(source, 0, restored, 0, 300_000));
    }

    @Test
    void completionCarriesCrc32cOfOriginalBytesBothWays() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer source = TestBlocks.direct(Kind.TEXT, 70_000, 9);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(source.duplicate());
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(70_000));
        BlockResult written = engine.submit(stream, Operation.COMPRESS, source, frame).get(10, TimeUnit.SECONDS);
        BlockResult read = engine.submit(stream, Operation.DECOMPRESS, frame.slice(0, written.outputLength()),
                ByteBuffer.allocateDirect(70_000)).get(10, TimeUnit.SECONDS);
        assertEquals((int) crc.getValue(), written.checksum());
        assertEquals((int) crc.getValue(), read.checksum());
    }

    @Test
    void completionsOfEachStreamArriveInSubmissionOrderUnderConcurrency() throws Exception {
        engine.close();
        engine = CompressionEngine.start(EngineConfig.defaults().withThreads(4).withQueueDepth(16), registry);
        int streams = 4;
        int perStream = 150;
        int[] sizes = {300_000, 1_000, 64_000, 10, 200_000, 5_000};
        List<ByteBuffer> blocks = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            blocks.add(TestBlocks.direct(i % 2 == 0 ? Kind.TEXT : Kind.RANDOM, sizes[i], i));
        }
        AtomicReference<String> disorder = new AtomicReference<>();
        CountDownLatch all = new CountDownLatch(streams * perStream);
        List<Thread> submitters = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            CompressionStream stream = engine.openStream(s);
            int[] expected = {0};
            CompletionListener inOrder = completion -> {
                int sequence = (Integer) completion.attachment();
                if (sequence != expected[0]) {
                    disorder.compareAndSet(null, "stream " + stream.id() + ": got " + sequence + ", expected "
                            + expected[0]);
                }
                expected[0]++;
                all.countDown();
            };
            submitters.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < perStream; i++) {
                        ByteBuffer block = blocks.get((int) ((i + stream.id()) % blocks.size()));
                        ByteBuffer source = block.duplicate();
                        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(block.capacity()));
                        engine.submit(stream, Operation.COMPRESS, source, frame, inOrder, i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread submitter : submitters) {
            submitter.join();
        }
        assertTrue(all.await(60, TimeUnit.SECONDS), "every completion delivered");
        assertEquals(null, disorder.get());
    }

    @Test
    void fullEngineRefusesTrySubmitAndBlocksSubmitUntilRoomFrees() throws Exception {
        engine.close();
        engine = CompressionEngine.start(EngineConfig.defaults().withThreads(1).withQueueDepth(2), registry);
        CompressionStream stream = engine.openStream(1);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch listenerEntered = new CountDownLatch(1);
        CompletionListener stalling = completion -> {
            listenerEntered.countDown();
            awaitQuietly(gate);
        };
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 1000, 1);
        engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(1000), stalling, null);
        assertTrue(listenerEntered.await(10, TimeUnit.SECONDS));
        assertTrue(engine.trySubmit(stream, Operation.COMPRESS, block.duplicate(), frameFor(1000), c -> { }, null));
        assertEquals(2, engine.inFlight());
        assertFalse(engine.trySubmit(stream, Operation.COMPRESS, block.duplicate(), frameFor(1000), c -> { }, null),
                "BUSY while queueDepth requests are in flight");

        CountDownLatch thirdCompleted = new CountDownLatch(1);
        AtomicReference<Thread.State> blockedState = new AtomicReference<>();
        Thread submitter = Thread.ofPlatform().start(() -> {
            try {
                engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(1000),
                        c -> thirdCompleted.countDown(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (submitter.getState() != Thread.State.WAITING && submitter.isAlive()) {
            Thread.onSpinWait();
        }
        blockedState.set(submitter.getState());
        assertEquals(Thread.State.WAITING, blockedState.get(), "blocking submit waits while the engine is full");
        assertEquals(1, thirdCompleted.getCount());
        gate.countDown();
        submitter.join(10_000);
        assertTrue(thirdCompleted.await(10, TimeUnit.SECONDS), "waiting submission runs once room frees");
    }

    @Test
    void blockingSubmitFromListenerOfFullEngineThrowsInsteadOfDeadlocking() throws Exception {
        engine.close();
        engine = CompressionEngine.start(EngineConfig.defaults().withThreads(1).withQueueDepth(1), registry);
        CompressionStream stream = engine.openStream(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 100, 1);
        engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(100), completion -> {
            try {
                engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(100), c -> { }, null);
            } catch (Throwable t) {
                thrown.set(t);
            }
            done.countDown();
        }, null);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, thrown.get());
    }

    @Test
    void listenerThatThrowsDoesNotStopTheEngine() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 100, 1);
        engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(100), c -> {
            throw new IllegalStateException("listener bug (expected in this test)");
        }, null);
        BlockResult next = engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(100))
                .get(10, TimeUnit.SECONDS);
        assertEquals(BlockStatus.OK, next.status());
    }

    @Test
    void listenerThatThrowsAnErrorDoesNotStallItsStream() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 100, 1);
        engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(100), c -> {
            throw new AssertionError("listener error (expected in this test)");
        }, null);
        BlockResult next = engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(100))
                .get(10, TimeUnit.SECONDS);
        assertEquals(BlockStatus.OK, next.status());
    }

    @Test
    void corruptFrameCompletesWithTypedStatus() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 50_000, 1);
        ByteBuffer frame = frameFor(50_000);
        int length = engine.submit(stream, Operation.COMPRESS, block, frame).get(10, TimeUnit.SECONDS).outputLength();
        frame.put(length - 1, (byte) (frame.get(length - 1) ^ 0x40));
        BlockResult read = engine.submit(stream, Operation.DECOMPRESS, frame.slice(0, length),
                ByteBuffer.allocateDirect(50_000)).get(10, TimeUnit.SECONDS);
        assertTrue(read.status() == BlockStatus.CODEC_ERROR || read.status() == BlockStatus.CRC_MISMATCH,
                "damaged payload reported, got " + read.status());
        assertEquals(0, read.outputLength());
        assertEquals(1, stream.stats().failedBlocks());
    }

    @Test
    void compressIntoTooSmallDestinationCompletesWithStatus() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 5000, 1);
        BlockResult result = engine.submit(stream, Operation.COMPRESS, block, ByteBuffer.allocateDirect(100))
                .get(10, TimeUnit.SECONDS);
        assertEquals(BlockStatus.DESTINATION_TOO_SMALL, result.status());
    }

    @Test
    void heapBuffersAreRejectedAtSubmission() {
        CompressionStream stream = engine.openStream(1);
        assertThrows(IllegalArgumentException.class, () -> engine.submit(stream, Operation.COMPRESS,
                ByteBuffer.allocate(10), frameFor(10)));
    }

    @Test
    void levelOutOfRangeIsRejectedAtSubmission() {
        CompressionStream stream = engine.openStream(1);
        assertThrows(IllegalArgumentException.class, () -> engine.submit(stream, Operation.COMPRESS, Codec.ZSTD, 23,
                TestBlocks.direct(Kind.TEXT, 10, 1), frameFor(10), c -> { }, null));
    }

    @Test
    void shutdownLetsAcceptedRequestsFinishAndRejectsNewOnes() throws Exception {
        CompressionStream stream = engine.openStream(1);
        List<CompletableFuture<BlockResult>> futures = new ArrayList<>();
        ByteBuffer block = TestBlocks.direct(Kind.MIXED, 200_000, 1);
        for (int i = 0; i < 8; i++) {
            futures.add(engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(200_000)));
        }
        engine.shutdown();
        assertThrows(java.util.concurrent.RejectedExecutionException.class,
                () -> engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(200_000)));
        assertTrue(engine.awaitTermination(30, TimeUnit.SECONDS));
        for (CompletableFuture<BlockResult> future : futures) {
            assertEquals(BlockStatus.OK, future.getNow(null).status());
        }
        assertTrue(engine.isTerminated());
    }

    @Test
    void shutdownWhileThreadsAreIdleEndsEveryThread() throws Exception {
        engine.close();
        engine = CompressionEngine.start(EngineConfig.defaults().withThreads(4).withQueueDepth(8), registry);
        CompressionStream stream = engine.openStream(1);
        engine.submit(stream, Operation.COMPRESS, TestBlocks.direct(Kind.TEXT, 1_000, 1), frameFor(1_000))
                .get(10, TimeUnit.SECONDS);
        Thread.sleep(50); // every engine thread has parked by now
        engine.shutdown();
        assertTrue(engine.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(engine.isTerminated());
    }

    @Test
    void parkedThreadsWakeForEachLaterSubmission() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 10_000, 2);
        for (int i = 0; i < 5; i++) {
            Thread.sleep(20); // long enough for the engine threads to stop spinning and park
            assertEquals(BlockStatus.OK, engine.submit(stream, Operation.COMPRESS, block.duplicate(),
                    frameFor(10_000)).get(10, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void tinyRequestsFromManySubmittersAllCompleteWithoutLostWakeUps() throws Exception {
        engine.close();
        engine = CompressionEngine.start(EngineConfig.defaults().withThreads(3).withQueueDepth(4), registry);
        int submitters = 4;
        int perSubmitter = 3_000;
        CountDownLatch all = new CountDownLatch(submitters * perSubmitter);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 64, 1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < submitters; t++) {
            CompressionStream stream = engine.openStream(t);
            ByteBuffer[] frames = new ByteBuffer[4];
            for (int i = 0; i < frames.length; i++) {
                frames[i] = frameFor(64);
            }
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < perSubmitter; i++) {
                        if (i % 2 == 0) {
                            engine.submit(stream, Operation.COMPRESS, block.duplicate(), frames[i % 4].duplicate(),
                                    completion -> all.countDown(), null);
                        } else {
                            engine.submit(stream, new ByteBuffer[] {block.slice(0, 10), block.slice(10, 54)}, 64,
                                    frames[i % 4].duplicate(), completion -> all.countDown(), null);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(all.await(30, TimeUnit.SECONDS), "completions missing: " + all.getCount());
        engine.shutdown();
        assertTrue(engine.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void interruptedEngineThreadKeepsServing() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 10_000, 3);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread instanceof EngineThread) {
                thread.interrupt();
            }
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(BlockStatus.OK, engine.submit(stream, Operation.COMPRESS, block.duplicate(),
                    frameFor(10_000)).get(10, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void shutdownNowWithRequestsInFlightCompletesEveryRequestExactlyOnce() throws Exception {
        engine.close();
        engine = CompressionEngine.start(EngineConfig.defaults().withThreads(2).withQueueDepth(32), registry);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 500_000, 1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger aborted = new AtomicInteger();
        AtomicInteger doubled = new AtomicInteger();
        List<Thread> submitters = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            CompressionStream stream = engine.openStream(s);
            submitters.add(Thread.ofPlatform().start(() -> {
                while (true) {
                    boolean[] seen = {false};
                    try {
                        engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(500_000), c -> {
                            if (seen[0]) {
                                doubled.incrementAndGet();
                            }
                            seen[0] = true;
                            completed.incrementAndGet();
                            if (c.status() == BlockStatus.ABORTED) {
                                aborted.incrementAndGet();
                            }
                        }, null);
                        accepted.incrementAndGet();
                    } catch (java.util.concurrent.RejectedExecutionException | InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        while (accepted.get() < 40) {
            Thread.onSpinWait();
        }
        engine.shutdownNow();
        for (Thread submitter : submitters) {
            submitter.join(10_000);
            assertFalse(submitter.isAlive(), "blocked submitters are released by shutdown");
        }
        assertTrue(engine.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(accepted.get(), completed.get(), "no request lost");
        assertEquals(0, doubled.get(), "no request completed twice");
        assertTrue(aborted.get() > 0, "queued requests were aborted, not run");
    }

    @Test
    void submissionAfterCloseIsRejected() {
        engine.close();
        CompressionStream stream = engine.openStream(1);
        assertThrows(java.util.concurrent.RejectedExecutionException.class, () -> engine.trySubmit(stream,
                Operation.COMPRESS, TestBlocks.direct(Kind.TEXT, 10, 1), frameFor(10), c -> { }, null));
    }

    @Test
    void futureFailsNeverAndCarriesAbortedStatusAfterShutdownNow() throws Exception {
        engine.close();
        engine = CompressionEngine.start(EngineConfig.defaults().withThreads(1).withQueueDepth(4), registry);
        CompressionStream stream = engine.openStream(1);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 100, 1);
        engine.submit(stream, Operation.COMPRESS, block.duplicate(), frameFor(100), c -> {
            entered.countDown();
            awaitQuietly(gate);
        }, null);
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        CompletableFuture<BlockResult> queued = engine.submit(stream, Operation.COMPRESS, block.duplicate(),
                frameFor(100));
        engine.shutdownNow();
        gate.countDown();
        try {
            assertEquals(BlockStatus.ABORTED, queued.get(10, TimeUnit.SECONDS).status());
        } catch (ExecutionException e) {
            throw new AssertionError("future must complete normally", e);
        }
    }

    static ByteBuffer frameFor(int length) {
        return ByteBuffer.allocateDirect(BlockCompressor.maxFrameLength(length));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
