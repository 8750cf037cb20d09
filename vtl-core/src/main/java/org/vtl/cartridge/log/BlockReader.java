package org.vtl.cartridge.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.segment.BlockCodec;
import org.vtl.cartridge.segment.BlockRecordDescriptor;
import org.vtl.cartridge.segment.Crc;

/**
 * Returns one record's block to the reader: decompressed straight into the caller's buffer when it has room
 * (else through a scratch buffer, as a short read), verified against the CRC32C of the uncompressed payload.
 * The outcome is left in fields (no allocation per block). Used by one thread.
 */
final class BlockReader {

    private final SegmentReader segments;
    private final BlockCodec codec;
    private final int maxBlockSize;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer scratch;

    private RecordKind kind;
    private int length;
    private int storedLength;
    private int copied;

    BlockReader(SegmentReader segments, BlockCodec codec, int maxBlockSize) {
        this.segments = segments;
        this.codec = codec;
        this.maxBlockSize = maxBlockSize;
    }

    RecordKind kind() {
        return kind;
    }

    int length() {
        return length;
    }

    int storedLength() {
        return storedLength;
    }

    int copied() {
        return copied;
    }

    /** Reads logical object {@code object}; for data copies min(length, remaining) bytes into destination. */
    void read(long object, ByteBuffer destination) throws IOException {
        int at = segments.find(object);
        ByteBuffer segment = segments.buffer();
        int recordKind = BlockRecordDescriptor.kind(segment, at);
        length = 0;
        storedLength = 0;
        copied = 0;
        if (recordKind == BlockRecordDescriptor.KIND_FILEMARK) {
            kind = RecordKind.FILEMARK;
        } else if (recordKind == BlockRecordDescriptor.KIND_DATA) {
            kind = RecordKind.DATA;
            length = BlockRecordDescriptor.length(segment, at);
            storedLength = BlockRecordDescriptor.storedLength(segment, at);
            int expected = BlockRecordDescriptor.payloadCrc(segment, at);
            int payload = at + BlockRecordDescriptor.HEADER_LENGTH;
            if ((BlockRecordDescriptor.flags(segment, at) & BlockRecordDescriptor.FLAG_COMPRESSED) != 0) {
                readCompressed(segment, payload, expected, destination);
            } else {
                readRaw(segment, payload, expected, destination);
            }
        } else {
            throw new IOException("object " + object + " has record kind " + recordKind);
        }
        segments.consumed(object, at);
    }

    private void readRaw(ByteBuffer segment, int payload, int expected, ByteBuffer destination) throws IOException {
        if (length != storedLength || Crc.of(crc, segment, payload, length) != expected) {
            throw new IOException("stored block fails its CRC32C");
        }
        copied = Math.min(length, destination.remaining());
        destination.put(destination.position(), segment, payload, copied);
        destination.position(destination.position() + copied);
    }

    private void readCompressed(ByteBuffer segment, int payload, int expected, ByteBuffer destination)
            throws IOException {
        boolean direct = destination.remaining() >= length
                && (destination.isDirect() || !codec.needsDirectDestination());
        ByteBuffer target = direct ? destination : scratch();
        int start = target.position();
        int limit = target.limit();
        int segmentLimit = segment.limit();
        try {
            segment.position(payload).limit(payload + storedLength);
            target.limit(start + length);
            if (codec.id() != BlockRecordDescriptor.codec(segment, payload - BlockRecordDescriptor.HEADER_LENGTH)) {
                throw new IOException("block compressed by codec "
                        + BlockRecordDescriptor.codec(segment, payload - BlockRecordDescriptor.HEADER_LENGTH)
                        + ", this reader has codec " + codec.id());
            }
            codec.decompress(segment, target, length);
        } finally {
            segment.limit(segmentLimit).position(0);
            target.limit(limit);
        }
        if (Crc.of(crc, target, start, length) != expected) {
            target.position(start);
            throw new IOException("decompressed block fails its CRC32C");
        }
        if (direct) {
            copied = length;
            return;
        }
        copied = Math.min(length, destination.remaining());
        destination.put(destination.position(), target, start, copied);
        destination.position(destination.position() + copied);
        target.clear();
    }

    private ByteBuffer scratch() {
        if (scratch == null) {
            scratch = ByteBuffer.allocateDirect(maxBlockSize);
        }
        scratch.clear();
        return scratch;
    }
}
