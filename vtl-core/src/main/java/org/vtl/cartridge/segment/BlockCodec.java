package org.vtl.cartridge.segment;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The cartridge layer's port to compression: one block at a time, straight from the payload's buffers into a
 * region of the segment buffer (the one copy of the write path), and back into the reader's buffer.
 * Implementations: {@link DeflateCodec} (JDK), {@link StoredCodec} (never compresses) and the adapter to the
 * compression engine. One instance serves one thread at a time.
 */
public interface BlockCodec {

    /** The codec id written in record headers (see {@link BlockRecordDescriptor}). */
    int id();

    /**
     * Compresses {@code length} bytes, the remaining bytes of {@code source} in order (their positions are left
     * as they were), into {@code destination} from its position.
     *
     * @return the stored size with {@code destination}'s position advanced by it, or -1 when compressing is
     *         not worthwhile or the result would not fit in {@code destination.remaining()} (the caller then
     *         stores the block raw), with {@code destination}'s position unchanged
     */
    int compress(ByteBuffer[] source, int length, ByteBuffer destination);

    /**
     * Decompresses the remaining bytes of {@code source} into {@code destination}, which must have room for
     * exactly {@code length} bytes; advances both.
     *
     * @throws IOException when the stored bytes do not decompress to {@code length} bytes
     */
    void decompress(ByteBuffer source, ByteBuffer destination, int length) throws IOException;

    /**
     * True when {@link #compress} computes the CRC32C of the original bytes anyway ({@link #lastPayloadCrc}), so
     * the caller need not read the block a second time for the record header.
     */
    default boolean knowsPayloadCrc() {
        return false;
    }

    /** The CRC32C of the block the last successful {@link #compress} consumed; see {@link #knowsPayloadCrc}. */
    default int lastPayloadCrc() {
        throw new UnsupportedOperationException("this codec does not compute payload CRCs");
    }

    /** True when {@link #decompress} needs a direct destination buffer. */
    default boolean needsDirectDestination() {
        return false;
    }

    /** Releases what the codec holds for its cartridge (the mount ends). */
    default void close() {
    }
}
