package org.vtl.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.vtl.compress.frame.BlockFrameDescriptor;

/**
 * Writes and reads {@linkplain BlockFrameDescriptor block frames} between caller-owned direct buffers, on the
 * calling thread: the synchronous core that each engine thread owns one of, usable directly by code that wants no
 * queue. Not thread-safe; it holds native zstd contexts, so {@link #close()} it.
 *
 * <p><b>Write.</b> {@link #compress} compresses a source region straight into a destination region (for example a
 * slice of a pooled stripe buffer): that is the only copy of the payload bytes. A frame is never longer than
 * {@link #maxFrameLength(int)} (header plus the original bytes), because a block that does not shrink by the
 * {@link PassThroughPolicy} margin is stored raw. Claim {@link #frameCapacity(int)} bytes of destination (header
 * plus zstd's worst case, 0.4 % more) and commit the returned length: then zstd always writes in place and
 * nothing is allocated. A destination of only {@code maxFrameLength} bytes also works: blocks under
 * {@value #SCRATCH_BLOCK_LIMIT} bytes are then compressed into a private scratch area and the smaller output
 * copied; larger ones are compressed with the accepted size as zstd's limit, and a block that the probe let
 * through but that does not fit costs one {@code ZstdException} (allocated, caught) before it is stored raw.
 *
 * <p><b>Read.</b> {@link #decompress} checks the header (magic, header CRC, version, codec, flags, lengths against
 * the cap and the buffers) before it touches the payload, decodes into the destination, checks the decoded length,
 * then the CRC32C of the original bytes. Any failure is a {@link BlockFrameException} with a {@link BlockStatus};
 * hostile frames never allocate by their declared lengths.
 *
 * <p><b>Buffers.</b> Offsets are absolute indexes. Source and destination must be direct. The buffer objects'
 * position and limit are moved while the CRC is computed and restored before return (the JDK CRC32C reads direct
 * memory only through a buffer's position and limit), so a buffer object must not be used by two threads at once.
 * Nothing is allocated per block on success.
 */
public final class BlockCompressor implements AutoCloseable {

    /** Blocks below this size go through the scratch area unless the destination has room for zstd's bound. */
    public static final int SCRATCH_BLOCK_LIMIT = 32 * 1024;

    /** Bytes of frame header before the payload. */
    public static final int HEADER_LENGTH = BlockFrameDescriptor.HEADER_LENGTH;

    private static final int MIN_WORTHWHILE_ZSTD = 32;
    /** Bits per byte below the limit at which half the probe's slices are enough to decide "compress". */
    private static final double EARLY_ACCEPT_MARGIN = 0.5;
    private static final long DST_SIZE_TOO_SMALL = Zstd.errDstSizeTooSmall();
    private static final BlockStatus[] STATUSES = BlockStatus.values();
    private static final int MIN_LEVEL = Zstd.minCompressionLevel();
    private static final int MAX_LEVEL = Zstd.maxCompressionLevel();

    private final PassThroughPolicy policy;
    private final int maxOriginalLength;
    private final ZstdCompressCtx cctx = new ZstdCompressCtx();
    private final EntropyProbe probe = new EntropyProbe();
    private final ZstdDecompressCtx dctx = new ZstdDecompressCtx();
    private final CRC32C crc = new CRC32C();
    private final byte[] header = new byte[BlockFrameDescriptor.HEADER_LENGTH];
    private final ByteBuffer scratch;
    private final PieceStream pieceStream = new PieceStream(crc);
    private int level = Integer.MIN_VALUE;

    /** A compressor with the default pass-through policy and the 16 MiB frame cap. */
    public BlockCompressor() {
        this(PassThroughPolicy.DEFAULT, BlockFrameDescriptor.MAX_ORIGINAL_LENGTH);
    }

    /**
     * @param policy when blocks are stored raw
     * @param maxOriginalLength largest block this compressor writes or accepts from a frame (at most 16 MiB)
     */
    public BlockCompressor(PassThroughPolicy policy, int maxOriginalLength) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (maxOriginalLength < 1 || maxOriginalLength > BlockFrameDescriptor.MAX_ORIGINAL_LENGTH) {
            throw new IllegalArgumentException(
                    "maxOriginalLength must be 1.." + BlockFrameDescriptor.MAX_ORIGINAL_LENGTH);
        }
        this.maxOriginalLength = maxOriginalLength;
        this.scratch = ByteBuffer.allocateDirect((int) Zstd.compressBound(SCRATCH_BLOCK_LIMIT));
    }

    /** The largest frame {@link #compress} writes for {@code originalLength} bytes: header plus the raw bytes. */
    public static int maxFrameLength(int originalLength) {
        if (originalLength < 0 || originalLength > BlockFrameDescriptor.MAX_ORIGINAL_LENGTH) {
            throw new IllegalArgumentException("block length out of range: " + originalLength);
        }
        return BlockFrameDescriptor.HEADER_LENGTH + originalLength;
    }

    /**
     * Destination room that lets every block of {@code originalLength} bytes compress in place with no copy and no
     * allocation: the header plus zstd's worst-case output ({@code ZSTD_compressBound}). The frame written is
     * still at most {@link #maxFrameLength(int)}.
     */
    public static int frameCapacity(int originalLength) {
        maxFrameLength(originalLength);
        return BlockFrameDescriptor.HEADER_LENGTH + (int) Zstd.compressBound(originalLength);
    }

    /** Checks a zstd level: {@code Zstd.minCompressionLevel()} (fast, negative) to {@code maxCompressionLevel()}. */
    public static void checkLevel(Codec codec, int level) {
        if (codec == Codec.ZSTD && (level < MIN_LEVEL || level > MAX_LEVEL)) {
            throw new IllegalArgumentException("zstd level out of range: " + level);
        }
    }

    public int maxOriginalLength() {
        return maxOriginalLength;
    }

    /**
     * Writes one frame holding {@code src[srcOffset, srcOffset + length)} at {@code dst[dstOffset...]}.
     *
     * @return the frame length (header plus stored payload), at most {@link #maxFrameLength(int)}
     * @throws BlockFrameException {@link BlockStatus#BAD_LENGTH} if the block is over the cap,
     *     {@link BlockStatus#DESTINATION_TOO_SMALL} if {@code dstCapacity < maxFrameLength(length)}
     */
    public int compress(Codec codec, int level, ByteBuffer src, int srcOffset, int length,
                        ByteBuffer dst, int dstOffset, int dstCapacity) throws BlockFrameException {
        int result = encode(codec, level, src, srcOffset, length, dst, dstOffset, dstCapacity);
        if (result < 0) {
            throw new BlockFrameException(statusOf(result), "cannot frame " + length + " bytes into " + dstCapacity);
        }
        return result;
    }

    /** {@link #compress} of {@code src}'s remaining bytes into {@code dst}'s remaining space; positions unchanged. */
    public int compress(Codec codec, int level, ByteBuffer src, ByteBuffer dst) throws BlockFrameException {
        return compress(codec, level, src, src.position(), src.remaining(), dst, dst.position(), dst.remaining());
    }

    /**
     * Writes one frame holding the block made of {@code pieces} one after another (each piece's position..limit,
     * all direct; positions and limits are restored), without gathering them first: zstd's streaming API reads
     * the pieces in place, the CRC32C runs over them, and a pass-through block is copied piece by piece into
     * the destination. The frame has the same format and limits as {@link #compress(Codec, int, ByteBuffer, int,
     * int, ByteBuffer, int, int)}'s and decodes the same way; a single piece takes that method's path.
     *
     * @param length the pieces' total length
     * @return the frame length
     * @throws BlockFrameException {@link BlockStatus#BAD_LENGTH} if the pieces do not add up to {@code length}, a
     *     piece is not direct, or the block is over the cap; {@link BlockStatus#DESTINATION_TOO_SMALL} as above
     */
    public int compress(Codec codec, int level, ByteBuffer[] pieces, int length,
                        ByteBuffer dst, int dstOffset, int dstCapacity) throws BlockFrameException {
        int result = encode(codec, level, pieces, length, dst, dstOffset, dstCapacity);
        if (result < 0) {
            throw new BlockFrameException(statusOf(result), "cannot frame " + pieces.length + " pieces of " + length
                    + " bytes into " + dstCapacity);
        }
        return result;
    }

    /**
     * Reads the frame at {@code src[srcOffset, srcOffset + frameLength)} and writes the original bytes at
     * {@code dst[dstOffset...]}, verified against the frame's CRC32C.
     *
     * @param frameLength bytes of {@code src} the frame may occupy (it may use fewer)
     * @return the original length
     */
    public int decompress(ByteBuffer src, int srcOffset, int frameLength,
                          ByteBuffer dst, int dstOffset, int dstCapacity) throws BlockFrameException {
        int result = decode(src, srcOffset, frameLength, dst, dstOffset, dstCapacity);
        if (result < 0) {
            throw new BlockFrameException(statusOf(result), "frame at " + srcOffset + " (" + frameLength + " bytes)");
        }
        return result;
    }

    /** {@link #decompress} of the frame in {@code src}'s remaining bytes into {@code dst}; positions unchanged. */
    public int decompress(ByteBuffer src, ByteBuffer dst) throws BlockFrameException {
        return decompress(src, src.position(), src.remaining(), dst, dst.position(), dst.remaining());
    }

    /** Flags of the last frame written or read ({@link BlockFrameDescriptor#FLAG_RAW}). */
    public int lastFlags() {
        return BlockFrameDescriptor.flags(header);
    }

    /** CRC32C of the original bytes of the last frame written or read successfully. */
    public int lastChecksum() {
        return BlockFrameDescriptor.payloadCrc(header);
    }

    /** Stored payload length of the last frame written or read. */
    public int lastStoredLength() {
        return (int) BlockFrameDescriptor.storedLength(header);
    }

    /** Encodes; returns the frame length, or a negative status code ({@code -ordinal}). */
    int encode(Codec codec, int level, ByteBuffer src, int srcOffset, int length,
               ByteBuffer dst, int dstOffset, int dstCapacity) {
        Objects.requireNonNull(codec, "codec");
        checkLevel(codec, level);
        if (length < 0 || length > maxOriginalLength) {
            return fail(BlockStatus.BAD_LENGTH);
        }
        if (dstCapacity < BlockFrameDescriptor.HEADER_LENGTH + length) {
            return fail(BlockStatus.DESTINATION_TOO_SMALL);
        }
        Objects.checkFromIndexSize(srcOffset, length, src.limit());
        Objects.checkFromIndexSize(dstOffset, dstCapacity, dst.limit());
        int payloadOffset = dstOffset + BlockFrameDescriptor.HEADER_LENGTH;
        int payloadCapacity = dstCapacity - BlockFrameDescriptor.HEADER_LENGTH;
        int stored = codec == Codec.ZSTD
                ? compressZstd(level, src, srcOffset, length, dst, payloadOffset, payloadCapacity)
                : -1;
        if (stored < 0) {
            int payloadCrc = BlockPieces.copyWithCrc(crc, src, srcOffset, length, dst, payloadOffset);
            return writeHeader(codec, BlockFrameDescriptor.FLAG_RAW, length, length, payloadCrc, dst, dstOffset);
        }
        int payloadCrc = BlockPieces.crc32c(crc, src, srcOffset, length);
        return writeHeader(codec, 0, length, stored, payloadCrc, dst, dstOffset);
    }

    /** Encodes a block given as pieces; returns the frame length, or a negative status code. */
    int encode(Codec codec, int level, ByteBuffer[] pieces, int length,
               ByteBuffer dst, int dstOffset, int dstCapacity) {
        Objects.requireNonNull(codec, "codec");
        checkLevel(codec, level);
        if (pieces.length == 1 && pieces[0] != null && pieces[0].remaining() == length) {
            return encode(codec, level, pieces[0], pieces[0].position(), length, dst, dstOffset, dstCapacity);
        }
        if (length < 0 || length > maxOriginalLength || BlockPieces.length(pieces) != length) {
            return fail(BlockStatus.BAD_LENGTH);
        }
        if (dstCapacity < BlockFrameDescriptor.HEADER_LENGTH + length) {
            return fail(BlockStatus.DESTINATION_TOO_SMALL);
        }
        Objects.checkFromIndexSize(dstOffset, dstCapacity, dst.limit());
        int payloadOffset = dstOffset + BlockFrameDescriptor.HEADER_LENGTH;
        int payloadCapacity = dstCapacity - BlockFrameDescriptor.HEADER_LENGTH;
        int stored = codec == Codec.ZSTD
                ? compressZstd(level, pieces, length, dst, payloadOffset, payloadCapacity)
                : -1;
        if (stored < 0) {
            int payloadCrc = BlockPieces.copyWithCrc(crc, pieces, dst, payloadOffset);
            return writeHeader(codec, BlockFrameDescriptor.FLAG_RAW, length, length, payloadCrc, dst, dstOffset);
        }
        return writeHeader(codec, 0, length, stored, pieceStream.checksum(), dst, dstOffset);
    }

    private int writeHeader(Codec codec, int flags, int length, int stored, int payloadCrc, ByteBuffer dst,
                            int dstOffset) {
        BlockFrameDescriptor.write(header, codec.code(), flags, length, stored, payloadCrc, crc);
        dst.put(dstOffset, header);
        return BlockFrameDescriptor.HEADER_LENGTH + stored;
    }

    /** Compresses into the payload area; returns the stored length, or -1 to store the block raw. */
    private int compressZstd(int level, ByteBuffer src, int srcOffset, int length,
                             ByteBuffer dst, int payloadOffset, int payloadCapacity) {
        int accepted = policy.maxCompressedLength(length);
        if (accepted < MIN_WORTHWHILE_ZSTD) {
            return -1;
        }
        setLevel(level);
        int samples = policy.sampleCount(length);
        if (samples > 0 && !probeShrinks(src, srcOffset, length, samples)) {
            return -1;
        }
        if (payloadCapacity >= Zstd.compressBound(length)) {
            int size = cctx.compressDirectByteBuffer(dst, payloadOffset, payloadCapacity, src, srcOffset, length);
            return size <= accepted ? size : -1;
        }
        if (length < SCRATCH_BLOCK_LIMIT) {
            int size = cctx.compressDirectByteBuffer(scratch, 0, scratch.capacity(), src, srcOffset, length);
            if (size > accepted) {
                return -1;
            }
            dst.put(payloadOffset, scratch, 0, size);
            return size;
        }
        try {
            return cctx.compressDirectByteBuffer(dst, payloadOffset, accepted, src, srcOffset, length);
        } catch (ZstdException e) {
            // The probe said "compressible" but the whole block did not fit the accepted size.
            if (e.getErrorCode() == DST_SIZE_TOO_SMALL) {
                return -1;
            }
            throw e;
        }
    }

    /**
     * Streams the pieces through zstd into the payload area ({@link PieceStream}); returns the stored length, or -1
     * to store the block raw.
     */
    private int compressZstd(int level, ByteBuffer[] pieces, int length, ByteBuffer dst, int payloadOffset,
                             int payloadCapacity) {
        int accepted = policy.maxCompressedLength(length);
        if (accepted < MIN_WORTHWHILE_ZSTD) {
            return -1;
        }
        setLevel(level);
        int samples = policy.sampleCount(length);
        if (samples > 0 && !probeShrinks(pieces, length, samples)) {
            return -1;
        }
        int size = -1;
        try {
            size = pieceStream.compress(cctx, pieces, length, dst, payloadOffset, Math.min(payloadCapacity, accepted));
            return size;
        } finally {
            if (size < 0) {
                // The frame stopped half-way (too big, or zstd failed): start the next one from a clean context.
                cctx.reset();
                this.level = Integer.MIN_VALUE;
            }
        }
    }

    /**
     * The probe, deciding early when it can: half the slices first (spread over the whole block); entropy above
     * the limit already means "store raw" (a smaller sample only underestimates entropy), far below it means
     * "compress"; only a close call reads every slice.
     */
    private boolean probeShrinks(ByteBuffer src, int srcOffset, int length, int count) {
        int slice = policy.sampleLength();
        double limit = policy.maxBitsPerByte();
        if (count >= 4) {
            double early = probe.bitsPerByte(src, srcOffset, length, count / 2, slice);
            if (early > limit || early < limit - EARLY_ACCEPT_MARGIN) {
                return early <= limit;
            }
        }
        return probe.bitsPerByte(src, srcOffset, length, count, slice) <= limit;
    }

    private boolean probeShrinks(ByteBuffer[] pieces, int length, int count) {
        int slice = policy.sampleLength();
        double limit = policy.maxBitsPerByte();
        if (count >= 4) {
            double early = probe.bitsPerByte(pieces, length, count / 2, slice);
            if (early > limit || early < limit - EARLY_ACCEPT_MARGIN) {
                return early <= limit;
            }
        }
        return probe.bitsPerByte(pieces, length, count, slice) <= limit;
    }

    private void setLevel(int wanted) {
        if (wanted != level) {
            cctx.setLevel(wanted);
            level = wanted;
        }
    }

    /** Decodes; returns the original length, or a negative status code ({@code -ordinal}). */
    int decode(ByteBuffer src, int srcOffset, int frameLength, ByteBuffer dst, int dstOffset, int dstCapacity) {
        if (frameLength < BlockFrameDescriptor.HEADER_LENGTH) {
            return fail(BlockStatus.TRUNCATED);
        }
        Objects.checkFromIndexSize(srcOffset, frameLength, src.limit());
        Objects.checkFromIndexSize(dstOffset, dstCapacity, dst.limit());
        src.get(srcOffset, header);
        int headerStatus = checkHeader(frameLength, dstCapacity);
        if (headerStatus < 0) {
            return headerStatus;
        }
        int original = (int) BlockFrameDescriptor.originalLength(header);
        int stored = (int) BlockFrameDescriptor.storedLength(header);
        int payloadOffset = srcOffset + BlockFrameDescriptor.HEADER_LENGTH;
        if ((BlockFrameDescriptor.flags(header) & BlockFrameDescriptor.FLAG_RAW) != 0) {
            dst.put(dstOffset, src, payloadOffset, original);
        } else {
            long decoded;
            try {
                decoded = dctx.decompressDirectByteBuffer(dst, dstOffset, original, src, payloadOffset, stored);
            } catch (ZstdException e) {
                return fail(BlockStatus.CODEC_ERROR);
            }
            if (decoded != original) {
                return fail(BlockStatus.CODEC_ERROR);
            }
        }
        if (BlockPieces.crc32c(crc, dst, dstOffset, original) != BlockFrameDescriptor.payloadCrc(header)) {
            return fail(BlockStatus.CRC_MISMATCH);
        }
        return original;
    }

    /** Validates the header image against itself, the cap and the buffers, before any payload byte is read. */
    private int checkHeader(int frameLength, int dstCapacity) {
        if (BlockFrameDescriptor.magic(header) != BlockFrameDescriptor.MAGIC) {
            return fail(BlockStatus.BAD_HEADER);
        }
        if (BlockFrameDescriptor.computeHeaderCrc(header, crc) != BlockFrameDescriptor.headerCrc(header)) {
            return fail(BlockStatus.HEADER_CRC_MISMATCH);
        }
        int flags = BlockFrameDescriptor.flags(header);
        if (BlockFrameDescriptor.version(header) != BlockFrameDescriptor.VERSION
                || BlockFrameDescriptor.reserved(header) != 0
                || (flags & ~BlockFrameDescriptor.KNOWN_FLAGS) != 0) {
            return fail(BlockStatus.BAD_HEADER);
        }
        Codec codec = Codec.of(BlockFrameDescriptor.codec(header));
        if (codec == null) {
            return fail(BlockStatus.UNKNOWN_CODEC);
        }
        long original = BlockFrameDescriptor.originalLength(header);
        long stored = BlockFrameDescriptor.storedLength(header);
        boolean raw = (flags & BlockFrameDescriptor.FLAG_RAW) != 0;
        if (original > maxOriginalLength
                || (raw && stored != original)
                || (!raw && (codec == Codec.NONE || stored >= original || stored == 0))) {
            return fail(BlockStatus.BAD_LENGTH);
        }
        if (stored > frameLength - BlockFrameDescriptor.HEADER_LENGTH) {
            return fail(BlockStatus.TRUNCATED);
        }
        if (original > dstCapacity) {
            return fail(BlockStatus.DESTINATION_TOO_SMALL);
        }
        return 0;
    }

    private static int fail(BlockStatus status) {
        return -status.ordinal();
    }

    static BlockStatus statusOf(int negativeCode) {
        return STATUSES[-negativeCode];
    }

    @Override
    public void close() {
        cctx.close();
        dctx.close();
    }
}
