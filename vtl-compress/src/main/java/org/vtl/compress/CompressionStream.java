package org.vtl.compress;

import java.util.Objects;
import org.vtl.compress.frame.BlockFrameDescriptor;

/**
 * One ordered stream of requests (a tape drive, say): completions of a stream are delivered in submission order,
 * while requests of any streams run in parallel on the engine threads. Holds the stream's compression setting
 * (a drive's DCE bit and level) and its counters. Obtained from {@link CompressionEngine#openStream(long)}.
 *
 * <p>Ordering works like a reorder buffer: submission appends the request to this stream's list; an engine thread
 * that finishes a request marks it done, and whichever thread finds the head done delivers the head and every
 * done request behind it, one at a time, outside the lock. Only one thread delivers for a stream at a time.
 */
public final class CompressionStream {

    private final long id;
    private final CompressionEngine engine;
    private volatile Codec codec;
    private volatile int level;

    // Guarded by this.
    private CompressJob head;
    private CompressJob tail;
    private boolean delivering;
    private long blocksWritten;
    private long nativeBytesWritten;
    private long compressedBytesWritten;
    private long passThroughBlocks;
    private long blocksRead;
    private long compressedBytesRead;
    private long nativeBytesRead;
    private long failedBlocks;

    CompressionStream(long id, CompressionEngine engine, Codec codec, int level) {
        this.id = id;
        this.engine = engine;
        this.codec = codec;
        this.level = level;
    }

    public long id() {
        return id;
    }

    public Codec codec() {
        return codec;
    }

    public int level() {
        return level;
    }

    /** Sets the codec and level used by submissions that do not name one; affects later submissions only. */
    public void setCompression(Codec newCodec, int newLevel) {
        Objects.requireNonNull(newCodec, "codec");
        BlockCompressor.checkLevel(newCodec, newLevel);
        synchronized (this) {
            this.codec = newCodec;
            this.level = newLevel;
        }
    }

    /** A consistent snapshot of this stream's counters. */
    public synchronized StreamStats stats() {
        return new StreamStats(id, blocksWritten, nativeBytesWritten, compressedBytesWritten, passThroughBlocks,
                blocksRead, compressedBytesRead, nativeBytesRead, failedBlocks);
    }

    /** Clears the counters (LOG SELECT) and returns their values just before. */
    public synchronized StreamStats resetStats() {
        StreamStats before = stats();
        blocksWritten = 0;
        nativeBytesWritten = 0;
        compressedBytesWritten = 0;
        passThroughBlocks = 0;
        blocksRead = 0;
        compressedBytesRead = 0;
        nativeBytesRead = 0;
        failedBlocks = 0;
        return before;
    }

    /** Records submission order. */
    synchronized void append(CompressJob job) {
        if (tail == null) {
            head = job;
        } else {
            tail.nextInStream = job;
        }
        tail = job;
    }

    /**
     * Marks a request finished and delivers every request that is now at the head, in order. A request that
     * finishes at the head (the usual case) is taken off in the same lock hold that marks it done.
     */
    void complete(CompressJob job) {
        CompressJob next;
        synchronized (this) {
            job.done = true;
            if (delivering) {
                return;
            }
            next = takeDoneHead();
            if (next == null) {
                return;
            }
            delivering = true;
        }
        while (true) {
            engine.deliver(next);
            synchronized (this) {
                next = takeDoneHead();
                if (next == null) {
                    delivering = false;
                    return;
                }
            }
        }
    }

    /** Guarded by this: removes and counts the head if it is done, else returns null. */
    private CompressJob takeDoneHead() {
        CompressJob next = head;
        if (next == null || !next.done) {
            return null;
        }
        head = next.nextInStream;
        if (head == null) {
            tail = null;
        }
        next.nextInStream = null;
        count(next);
        return next;
    }

    private void count(CompressJob job) {
        if (job.status != BlockStatus.OK) {
            failedBlocks++;
        } else if (job.operation == Operation.COMPRESS) {
            blocksWritten++;
            nativeBytesWritten += job.inputLength;
            compressedBytesWritten += job.outputLength;
            if (job.codec != Codec.NONE && (job.flags & BlockFrameDescriptor.FLAG_RAW) != 0) {
                passThroughBlocks++;
            }
        } else {
            blocksRead++;
            compressedBytesRead += job.inputLength;
            nativeBytesRead += job.outputLength;
        }
    }

    @Override
    public String toString() {
        return "CompressionStream[" + id + ", " + codec + " " + level + "]";
    }
}
