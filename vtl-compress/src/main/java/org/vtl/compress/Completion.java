package org.vtl.compress;

import java.nio.ByteBuffer;
import org.vtl.compress.frame.BlockFrameDescriptor;

/**
 * Read-only view of one finished request, handed to a {@link CompletionListener}. It is a flyweight over a pooled
 * request: valid only during the listener call.
 */
public interface Completion {

    CompressionStream stream();

    Operation operation();

    BlockStatus status();

    /** Frame length written (compress) or original bytes written (decompress); 0 unless {@link #status()} is OK. */
    int outputLength();

    /** Bytes consumed: the source length (compress) or the frame length read (decompress). */
    int inputLength();

    /** Frame flags ({@link BlockFrameDescriptor#FLAG_RAW}); 0 unless OK. */
    int flags();

    /**
     * CRC32C of the block's original bytes, as stored in the frame (bytes 16-19): computed while compressing,
     * verified while decompressing, so callers need not checksum the payload again. 0 unless OK.
     */
    int checksum();

    /** True if the frame holds the original bytes (pass-through or codec none). */
    default boolean raw() {
        return (flags() & BlockFrameDescriptor.FLAG_RAW) != 0;
    }

    /** The source buffer; null for a block submitted in pieces. */
    ByteBuffer source();

    /** The pieces of a block submitted in pieces; null otherwise. */
    ByteBuffer[] sources();

    ByteBuffer destination();

    /** The caller's object given at submission (for example the segment claim the frame went into). */
    Object attachment();
}
