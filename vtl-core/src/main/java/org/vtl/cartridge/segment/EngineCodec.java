package org.vtl.cartridge.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

import org.vtl.compress.BlockCompressor;
import org.vtl.compress.BlockStatus;
import org.vtl.compress.Completion;
import org.vtl.compress.CompletionListener;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.CompressionStream;
import org.vtl.compress.Operation;

/**
 * The {@link BlockCodec} on the compression engine: each block goes to the engine as one request, compressed
 * straight from the payload buffer into the segment buffer as a self-describing block frame (engine header,
 * CRC32C of the original bytes; stored raw inside the frame when it does not shrink). The caller's thread
 * waits for the completion (one request per drive at a time keeps segment offsets exact; the engine's
 * bounded queue is shared by all drives). One instance per mounted cartridge; nothing allocated per block.
 */
public final class EngineCodec implements BlockCodec, CompletionListener {

    /** Codec id of engine frames in record headers. */
    public static final int ID = 2;

    private final CompressionEngine engine;
    private final CompressionStream stream;
    private volatile Thread waiter;
    private volatile boolean done;
    private BlockStatus status;
    private int outputLength;

    /** Opens an engine stream for one mounted cartridge. */
    public EngineCodec(CompressionEngine engine, long streamId) {
        this.engine = engine;
        this.stream = engine.openStream(streamId);
    }

    @Override
    public int id() {
        return ID;
    }

    @Override
    public int compress(ByteBuffer[] source, int length, ByteBuffer destination) {
        // A gathered payload would need a copy before the engine: store it raw (one copy) instead.
        if (source.length != 1 || !source[0].isDirect() || length > engine.config().maxBlockLength()
                || destination.remaining() < BlockCompressor.maxFrameLength(length)) {
            return -1;
        }
        int start = destination.position();
        if (run(Operation.COMPRESS, source[0], destination) != BlockStatus.OK) {
            destination.position(start);
            return -1;
        }
        destination.position(start + outputLength);
        return outputLength;
    }

    @Override
    public void decompress(ByteBuffer source, ByteBuffer destination, int length) throws IOException {
        int start = destination.position();
        BlockStatus s = run(Operation.DECOMPRESS, source, destination);
        if (s != BlockStatus.OK || outputLength != length) {
            throw new IOException("engine frame does not decompress: " + s + ", " + outputLength + " of " + length);
        }
        source.position(source.limit());
        destination.position(start + length);
    }

    private BlockStatus run(Operation operation, ByteBuffer source, ByteBuffer destination) {
        done = false;
        waiter = Thread.currentThread();
        try {
            engine.submit(stream, operation, source, destination, this, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BlockStatus.ABORTED;
        } catch (RuntimeException e) {
            // Engine shut down or refused the request: a compress falls back to storing raw, a read fails.
            return BlockStatus.ABORTED;
        }
        boolean interrupted = false;
        while (!done) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    @Override
    public void onCompletion(Completion completion) {
        status = completion.status();
        outputLength = completion.outputLength();
        done = true;
        LockSupport.unpark(waiter);
    }

    @Override
    public boolean needsDirectDestination() {
        return true;
    }

    /** Forgets the engine stream (the mount ends). */
    @Override
    public void close() {
        engine.closeStream(stream);
    }
}
