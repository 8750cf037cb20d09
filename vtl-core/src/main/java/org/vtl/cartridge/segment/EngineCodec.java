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
 *
 * <p>A block that arrives in pieces (one per iSCSI Data-Out PDU, the usual case for blocks above the
 * initiator's burst or segment length) is gathered once into a reusable direct buffer first: zstd's
 * single-shot API compresses one contiguous source. Storing such blocks raw instead would silently turn
 * compression off for every real initiator.
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
    /** Reused for blocks that arrive in several pieces; grows to the largest such block, never per block. */
    private ByteBuffer gathered;

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
        if (length > engine.config().maxBlockLength()
                || destination.remaining() < BlockCompressor.maxFrameLength(length)) {
            return -1;
        }
        ByteBuffer input = source.length == 1 && source[0].isDirect() ? source[0] : gather(source, length);
        int start = destination.position();
        if (run(Operation.COMPRESS, input, destination) != BlockStatus.OK) {
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

    /** Copies the pieces of one block into {@link #gathered}, which is then exactly the block. */
    private ByteBuffer gather(ByteBuffer[] source, int length) {
        if (gathered == null || gathered.capacity() < length) {
            int capacity = gathered == null ? length : Math.max(length, gathered.capacity() * 2);
            gathered = ByteBuffer.allocateDirect(Math.min(capacity, engine.config().maxBlockLength()));
        }
        gathered.clear(); // absolute puts are bounded by the limit the previous block left
        int at = 0;
        for (ByteBuffer piece : source) {
            int n = piece.remaining();
            gathered.put(at, piece, piece.position(), n);
            at += n;
        }
        gathered.limit(length).position(0);
        return gathered;
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
