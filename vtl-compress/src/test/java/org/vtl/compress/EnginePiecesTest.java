package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vtl.compress.TestBlocks.Kind;

/** Submitting blocks in pieces through the engine. */
class EnginePiecesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CompressionEngine engine = CompressionEngine.start(
            EngineConfig.defaults().withThreads(2).withQueueDepth(8), registry);

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void blockSubmittedInPiecesDecompressesThroughTheEngine() throws Exception {
        CompressionStream stream = engine.openStream(1);
        ByteBuffer block = TestBlocks.direct(Kind.MIXED, 250_000, 1);
        ByteBuffer[] pieces = BlockPiecesTest.cut(block, new SplittableRandom(1), 16_000);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(250_000));
        Completed written = submitPieces(stream, pieces, 250_000, frame);
        assertEquals(BlockStatus.OK, written.result.status());
        assertSame(pieces, written.sources, "completion hands back the pieces");
        assertEquals(250_000, written.result.inputLength());
        ByteBuffer restored = ByteBuffer.allocateDirect(250_000);
        BlockResult read = engine.submit(stream, Operation.DECOMPRESS, frame.slice(0, written.result.outputLength()),
                restored).get(10, TimeUnit.SECONDS);
        assertEquals(BlockStatus.OK, read.status());
        assertEquals(written.result.checksum(), read.checksum());
        assertTrue(TestBlocks.sameBytes(block, 0, restored, 0, 250_000));
    }

    @Test
    void piecesCountInTheStreamStatsLikeOneBlock() throws Exception {
        CompressionStream stream = engine.openStream(2);
        ByteBuffer block = TestBlocks.direct(Kind.RANDOM, 100_000, 2);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(100_000));
        Completed written = submitPieces(stream, BlockPiecesTest.cut(block, null, 8_192), 100_000, frame);
        assertTrue(written.result.raw());
        StreamStats stats = stream.stats();
        assertEquals(1, stats.blocksWritten());
        assertEquals(100_000, stats.nativeBytesWritten());
        assertEquals(written.result.outputLength(), stats.compressedBytesWritten());
        assertEquals(1, stats.passThroughBlocks());
    }

    @Test
    void piecesAndSingleBuffersOfOneStreamCompleteInSubmissionOrder() throws Exception {
        CompressionStream stream = engine.openStream(3);
        int count = 120;
        ByteBuffer text = TestBlocks.direct(Kind.TEXT, 200_000, 3);
        ByteBuffer small = TestBlocks.direct(Kind.BINARY, 300, 3);
        AtomicReference<String> disorder = new AtomicReference<>();
        CountDownLatch all = new CountDownLatch(count);
        int[] expected = {0};
        CompletionListener inOrder = completion -> {
            int sequence = (Integer) completion.attachment();
            if (sequence != expected[0] || completion.status() != BlockStatus.OK) {
                disorder.compareAndSet(null, "got " + sequence + " " + completion.status() + ", expected "
                        + expected[0]);
            }
            expected[0]++;
            all.countDown();
        };
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < count; i++) {
            if (i % 3 == 0) {
                ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(300));
                engine.submit(stream, Operation.COMPRESS, small.duplicate(), frame, inOrder, i);
            } else {
                ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(200_000));
                engine.submit(stream, BlockPiecesTest.cut(text, random, 30_000), 200_000, frame, inOrder, i);
            }
        }
        assertTrue(all.await(60, TimeUnit.SECONDS), "every completion delivered");
        assertNull(disorder.get());
    }

    @Test
    void trySubmitOfPiecesRunsWhenThereIsRoom() throws Exception {
        CompressionStream stream = engine.openStream(4);
        ByteBuffer block = TestBlocks.direct(Kind.TEXT, 1_000, 4);
        ByteBuffer frame = ByteBuffer.allocateDirect(BlockCompressor.frameCapacity(1_000));
        CompletableFuture<BlockResult> done = new CompletableFuture<>();
        assertTrue(engine.trySubmit(stream, BlockPiecesTest.cut(block, null, 1), 1_000, frame,
                completion -> done.complete(new BlockResult(completion.status(), completion.outputLength(),
                        completion.inputLength(), completion.flags(), completion.checksum())), null));
        BlockResult result = done.get(10, TimeUnit.SECONDS);
        assertEquals(BlockStatus.OK, result.status());
        ByteBuffer restored = ByteBuffer.allocateDirect(1_000);
        try (BlockCompressor decoder = new BlockCompressor()) {
            assertEquals(1_000, decoder.decompress(frame, 0, result.outputLength(), restored, 0, 1_000));
        }
        assertTrue(TestBlocks.sameBytes(block, 0, restored, 0, 1_000));
    }

    @Test
    void heapPieceIsRejectedAtSubmission() {
        CompressionStream stream = engine.openStream(5);
        ByteBuffer[] pieces = {ByteBuffer.allocateDirect(4), ByteBuffer.allocate(4)};
        assertThrows(IllegalArgumentException.class, () -> engine.submit(stream, pieces, 8,
                ByteBuffer.allocateDirect(100), completion -> { }, null));
    }

    @Test
    void piecesThatDoNotAddUpAreRejectedAtSubmission() {
        CompressionStream stream = engine.openStream(6);
        ByteBuffer[] pieces = {ByteBuffer.allocateDirect(4), ByteBuffer.allocateDirect(4)};
        assertThrows(IllegalArgumentException.class, () -> engine.submit(stream, pieces, 9,
                ByteBuffer.allocateDirect(100), completion -> { }, null));
    }

    private record Completed(BlockResult result, ByteBuffer[] sources) {
    }

    private Completed submitPieces(CompressionStream stream, ByteBuffer[] pieces, int length, ByteBuffer frame)
            throws Exception {
        CompletableFuture<Completed> done = new CompletableFuture<>();
        engine.submit(stream, pieces, length, frame, completion -> done.complete(new Completed(
                new BlockResult(completion.status(), completion.outputLength(), completion.inputLength(),
                        completion.flags(), completion.checksum()), completion.sources())), null);
        return done.get(10, TimeUnit.SECONDS);
    }
}
