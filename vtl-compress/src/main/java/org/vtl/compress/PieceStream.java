package org.vtl.compress;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Feeds a block given in pieces to zstd's streaming API as one frame. Large pieces go to zstd in place; runs of
 * small pieces (under {@value #SMALL_PIECE} bytes, as socket reads can cut Data-Out PDUs) are first packed into a
 * {@value #STAGING_CAPACITY}-byte staging buffer, because every zstd-jni call has a fixed cost (about a
 * microsecond, and about 128 bytes of garbage from its foreign-function wrappers) that hundreds of tiny pieces per
 * block would multiply. zstd copies streamed input into its own window either way, so packing costs one more copy
 * of only the small pieces' bytes. The CRC32C of the block is computed on the way, in piece order: over each large
 * piece before zstd reads it and over the staging buffer when it is handed over, so small pieces cost one CRC call
 * per 64 KiB rather than one each. One per {@link BlockCompressor}; not thread-safe; allocates nothing per block.
 */
final class PieceStream {

    /** Pieces below this size are packed into the staging buffer rather than handed to zstd one by one. */
    static final int SMALL_PIECE = 16 * 1024;
    static final int STAGING_CAPACITY = 64 * 1024;

    private static final int FULL = -1;
    private static final int FED = 0;
    private static final int ENDED = 1;

    private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_CAPACITY);
    private final CRC32C crc;

    PieceStream(CRC32C crc) {
        this.crc = crc;
    }

    /** CRC32C of the block of the last {@link #compress} that returned a length. */
    int checksum() {
        return (int) crc.getValue();
    }

    /**
     * Compresses the pieces as one zstd frame into {@code dst[offset, offset + room)} with the context's current
     * parameters, {@code length} pledged as the content size (as the single-shot API records it).
     *
     * @return the frame's length, or -1 if it does not fit in {@code room} bytes or zstd failed: the context is then
     *     left in the middle of a frame and the caller must reset it
     */
    int compress(ZstdCompressCtx cctx, ByteBuffer[] pieces, int length, ByteBuffer dst, int offset, int room) {
        int dstPosition = dst.position();
        int dstLimit = dst.limit();
        try {
            dst.limit(offset + room).position(offset);
            staging.clear();
            crc.reset();
            cctx.setPledgedSrcSize(length);
            int last = pieces.length - 1;
            for (int i = 0; i <= last; i++) {
                ByteBuffer piece = pieces[i];
                int n = piece.remaining();
                if (n < SMALL_PIECE) {
                    if (staging.remaining() < n && flushStaging(cctx, dst, EndDirective.CONTINUE) == FULL) {
                        return -1;
                    }
                    staging.put(staging.position(), piece, piece.position(), n).position(staging.position() + n);
                    continue;
                }
                if (staging.position() > 0 && flushStaging(cctx, dst, EndDirective.CONTINUE) == FULL) {
                    return -1;
                }
                BlockPieces.update(crc, piece, piece.position(), n);
                // The last piece ends the frame itself: no extra call.
                int fed = feed(cctx, piece, dst, i == last ? EndDirective.END : EndDirective.CONTINUE);
                if (fed == FULL) {
                    return -1;
                }
                if (fed == ENDED) {
                    return dst.position() - offset;
                }
            }
            return flushStaging(cctx, dst, EndDirective.END) == ENDED ? dst.position() - offset : -1;
        } finally {
            dst.limit(dstLimit).position(dstPosition);
        }
    }

    /** Feeds the staging buffer's packed bytes (possibly none) and empties it. */
    private int flushStaging(ZstdCompressCtx cctx, ByteBuffer dst, EndDirective directive) {
        staging.flip();
        crc.update(staging);
        staging.rewind();
        int fed = feed(cctx, staging, dst, directive);
        staging.clear();
        return fed;
    }

    /**
     * Feeds one source's remaining bytes (its position is restored): {@link #ENDED} when an {@code END} directive
     * finished the frame, {@link #FED} when the bytes were taken, {@link #FULL} when the output filled up.
     */
    private static int feed(ZstdCompressCtx cctx, ByteBuffer src, ByteBuffer dst, EndDirective directive) {
        int position = src.position();
        try {
            while (true) {
                int consumed = src.position();
                int produced = dst.position();
                boolean flushed = cctx.compressDirectByteBufferStream(dst, src, directive);
                if (!src.hasRemaining()) {
                    if (directive == EndDirective.CONTINUE) {
                        return FED;
                    }
                    if (flushed) {
                        return ENDED;
                    }
                }
                if (!dst.hasRemaining() || (src.position() == consumed && dst.position() == produced)) {
                    return FULL;
                }
            }
        } finally {
            src.position(position);
        }
    }
}
