package org.vtl.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vtl.compress.TestBlocks.Kind;

class CompressionEngineTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CompressionEngine engine = CompressionEngine.start(
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
}
