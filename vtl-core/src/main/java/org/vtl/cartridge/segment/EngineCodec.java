package org.vtl.cartridge.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;

import org.vtl.compress.BlockCompressor;
import org.vtl.compress.BlockStatus;
import org.vtl.compress.Completion;
import org.vtl.compress.CompletionListener;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.CompressionStream;
import org.vtl.compress.Operation;
import org.vtl.compress.frame.BlockFrameDescriptor;

/**
 * The {@link BlockCodec} on the compression engine: each block goes to the engine as one request, compressed
 * straight from the payload buffer into the segment buffer as a self-describing block frame (engine header,
 * CRC32C of the original bytes; stored raw inside the frame when it does not shrink). The caller's thread
 * waits for the completion (one request per drive at a time keeps segment offsets exact; the engine's
 * bounded queue is shared by all drives). One instance per mounted cartridge; nothing allocated per block.
 *
 * <p>A block that arrives in pieces (one per iSCSI Data-Out PDU, the usual case for blocks above the
 * initiator's burst or segment length) goes to the engine as its pieces: zstd streams over them in place, so
 * the payload is still read once and copied never. Only pieces on the heap (tests) are gathered first.
 * Storing such blocks raw instead would silently turn compression off for every real initiator.
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
    private int lastPayloadCrc;
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
        int start = destination.position();
        BlockStatus s;
        if (source.length == 1 && source[0].isDirect()) {
            s = run(Operation.COMPRESS, source[0], destination);
        } else if (allDirect(source)) {
            s = runPieces(source, length, destination);
        } else {
            s = run(Operation.COMPRESS, gather(source, length), destination);
        }
        if (s != BlockStatus.OK) {
            destination.position(start);
            return -1;
        }
        lastPayloadCrc = destination.order() == ByteOrder.LITTLE_ENDIAN
                ? destination.getInt(start + BlockFrameDescriptor.PAYLOAD_CRC_OFFSET)
                : Integer.reverseBytes(destination.getInt(start + BlockFrameDescriptor.PAYLOAD_CRC_OFFSET));
        destination.position(start + outputLength);
        return outputLength;
    }

    /** The engine frame carries the CRC32C of the original bytes: the record header reuses it. */
    @Override
    public boolean knowsPayloadCrc() {
        return true;
    }

    @Override
    public int lastPayloadCrc() {
        return lastPayloadCrc;
    }

    private static boolean allDirect(ByteBuffer[] pieces) {
        for (ByteBuffer piece : pieces) {
            if (!piece.isDirect()) {
                return false;
            }
        }
        return true;
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
        return submitAndWait(operation, source, null, 0, destination);
    }

    /** Compresses a block that arrived in several direct pieces without gathering them (zstd streams over them). */
    private BlockStatus runPieces(ByteBuffer[] pieces, int length, ByteBuffer destination) {
        return submitAndWait(Operation.COMPRESS, null, pieces, length, destination);
    }

    private BlockStatus submitAndWait(Operation operation, ByteBuffer source, ByteBuffer[] pieces, int length,
                                      ByteBuffer destination) {
        done = false;
        waiter = Thread.currentThread();
        try {
            if (pieces == null) {
                engine.submit(stream, operation, source, destination, this, null);
            } else {
                engine.submit(stream, pieces, length, destination, this, null);
            }
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
