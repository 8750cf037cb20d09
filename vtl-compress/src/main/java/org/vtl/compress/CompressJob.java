package org.vtl.compress;

import java.nio.ByteBuffer;

/**
 * One pooled request: filled by the submitter, run by an engine thread, delivered to its listener as a
 * {@link Completion}, then returned to the pool. Reused for the engine's whole life, so nothing is allocated per
 * block. Fields are published by the {@link SubmissionQueue} monitor (submit to run) and the stream monitor
 * (run to delivery).
 */
final class CompressJob implements Completion {

    CompressionStream stream;
    Operation operation;
    Codec codec;
    int level;
    ByteBuffer source;
    /** The pieces of a block submitted in pieces (then {@link #source} is null), else null. */
    ByteBuffer[] sources;
    int sourceOffset;
    int sourceLength;
    ByteBuffer destination;
    int destinationOffset;
    int destinationCapacity;
    CompletionListener listener;
    Object attachment;
    long submitNanos;

    BlockStatus status;
    int outputLength;
    int inputLength;
    int flags;
    int checksum;

    /** Guarded by the stream's monitor: the request ran (or was aborted) and may be delivered. */
    boolean done;
    /** Guarded by the stream's monitor: next request of the same stream in submission order. */
    CompressJob nextInStream;
    /** Guarded by the queue's monitor: next free request in the pool. */
    CompressJob nextFree;

    void fill(CompressionStream stream, Operation operation, Codec codec, int level, ByteBuffer source,
              ByteBuffer destination, CompletionListener listener, Object attachment) {
        this.stream = stream;
        this.operation = operation;
        this.codec = codec;
        this.level = level;
        this.source = source;
        this.sources = null;
        this.sourceOffset = source.position();
        this.sourceLength = source.remaining();
        this.destination = destination;
        this.destinationOffset = destination.position();
        this.destinationCapacity = destination.remaining();
        this.listener = listener;
        this.attachment = attachment;
        this.submitNanos = System.nanoTime();
        this.status = null;
        this.outputLength = 0;
        this.inputLength = 0;
        this.flags = 0;
        this.checksum = 0;
        this.done = false;
        this.nextInStream = null;
    }

    /** Fills a compress request whose block is {@code length} bytes in {@code pieces}. */
    void fillPieces(CompressionStream stream, Codec codec, int level, ByteBuffer[] pieces, int length,
                    ByteBuffer destination, CompletionListener listener, Object attachment) {
        fill(stream, Operation.COMPRESS, codec, level, destination, destination, listener, attachment);
        this.source = null;
        this.sources = pieces;
        this.sourceOffset = 0;
        this.sourceLength = length;
    }

    void succeed(int outputLength, int inputLength, int flags, int checksum) {
        this.status = BlockStatus.OK;
        this.outputLength = outputLength;
        this.inputLength = inputLength;
        this.flags = flags;
        this.checksum = checksum;
    }

    void fail(BlockStatus failure) {
        this.status = failure;
        this.outputLength = 0;
        this.inputLength = 0;
        this.flags = 0;
        this.checksum = 0;
    }

    /** Drops references to caller objects so a pooled request keeps nothing alive. */
    void clear() {
        stream = null;
        source = null;
        sources = null;
        destination = null;
        listener = null;
        attachment = null;
    }

    @Override
    public CompressionStream stream() {
        return stream;
    }

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public BlockStatus status() {
        return status;
    }

    @Override
    public int outputLength() {
        return outputLength;
    }

    @Override
    public int inputLength() {
        return inputLength;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public int checksum() {
        return checksum;
    }

    @Override
    public ByteBuffer source() {
        return source;
    }

    @Override
    public ByteBuffer[] sources() {
        return sources;
    }

    @Override
    public ByteBuffer destination() {
        return destination;
    }

    @Override
    public Object attachment() {
        return attachment;
    }
}
