package org.vtl.cartridge.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.vtl.cartridge.segment.BlockRecordDescriptor;
import org.vtl.cartridge.segment.SegmentDescriptor;
import org.vtl.cartridge.segment.SegmentStore;
import org.vtl.cartridge.segment.StoredExtent;
import org.vtl.catalog.BlockEntry;
import org.vtl.catalog.Catalog;
import org.vtl.catalog.ExtentRecord;
import org.vtl.catalog.SegmentEntry;

/**
 * The read side of one partition's log: finds a logical object's record, keeping the segment that holds it in
 * a buffer so a streaming reader walks records without catalog lookups, and reads the following segment
 * ahead. Used by one thread.
 *
 * <p>A segment may hold dead records after a truncation point; the records of a loaded segment are trusted
 * only below the first object of the next segment in the catalog's segment list.
 */
final class SegmentReader {

    private final Catalog catalog;
    private final SegmentStore segments;
    private final long cartridge;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer;
    private final ReadAhead readAhead;

    private int partition;
    private long loadedExtent = -1;
    private long liveEnd;
    private long nextObject = -1;
    private int nextOffset;

    SegmentReader(Catalog catalog, SegmentStore segments, long cartridge, ReadAhead readAhead) {
        this.catalog = catalog;
        this.segments = segments;
        this.cartridge = cartridge;
        this.readAhead = readAhead;
    }

    /** Forgets the loaded segment (after the log changed, or switching partitions). */
    void invalidate(int newPartition) {
        partition = newPartition;
        loadedExtent = -1;
        nextObject = -1;
        readAhead.cancel();
    }

    /** New segments were committed after the loaded one: the live range of the loaded segment may end earlier. */
    void segmentsAppended() {
        if (loadedExtent >= 0) {
            SegmentEntry next = catalog.segmentAfter(cartridge, partition, SegmentDescriptor.firstObject(buffer));
            liveEnd = next == null ? Long.MAX_VALUE : next.firstObject();
        }
    }

    long readAheadHits() {
        return readAhead.hits();
    }

    /** The buffer holding the loaded segment; valid after {@link #find}. */
    ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Loads the segment holding {@code object} if needed and returns the offset of its record header, checked
     * (header CRC, object number).
     *
     * @throws IOException when the catalog has no entry or the record is damaged
     */
    int find(long object) throws IOException {
        int at;
        if (loadedExtent >= 0 && object == nextObject && object < liveEnd
                && nextOffset < SegmentDescriptor.HEADER_LENGTH + SegmentDescriptor.payloadLength(buffer)
                && BlockRecordDescriptor.kind(buffer, nextOffset) != BlockRecordDescriptor.KIND_END_OF_DATA) {
            at = nextOffset;
        } else {
            BlockEntry entry = catalog.block(cartridge, partition, object);
            if (entry == null) {
                throw new IOException("no index entry for object " + object + " of partition " + partition);
            }
            if (entry.extent() != loadedExtent) {
                load(entry.extent());
            }
            at = entry.offset();
        }
        if (!BlockRecordDescriptor.isValid(buffer, at, crc) || BlockRecordDescriptor.object(buffer, at) != object) {
            throw new IOException("record of object " + object + " is damaged");
        }
        return at;
    }

    /** The record at {@code at} was consumed: the next object is expected right after it. */
    void consumed(long object, int at) {
        nextObject = object + 1;
        nextOffset = BlockRecordDescriptor.next(buffer, at);
    }

    private void load(long extentId) throws IOException {
        ExtentRecord extent = catalog.extent(extentId);
        if (extent == null) {
            throw new IOException("extent " + extentId + " is not in the catalog");
        }
        loadedExtent = -1;
        if (buffer == null) {
            // Allocated on the first read: a cartridge that is only written needs no read buffers.
            buffer = ByteBuffer.allocateDirect(segments.segmentCapacity());
        }
        ByteBuffer ahead = readAhead.swap(extentId, buffer);
        if (ahead != null) {
            buffer = ahead;
        } else {
            buffer.clear().limit(extent.length());
            segments.read(new StoredExtent(extent.address(), extent.length()), 0, buffer);
        }
        buffer.flip();
        if (!SegmentDescriptor.isValid(buffer, crc) || SegmentDescriptor.cartridge(buffer) != cartridge
                || SegmentDescriptor.partition(buffer) != partition) {
            throw new IOException("segment of extent " + extentId + " is damaged");
        }
        loadedExtent = extentId;
        long first = SegmentDescriptor.firstObject(buffer);
        SegmentEntry next = catalog.segmentAfter(cartridge, partition, first);
        liveEnd = next == null ? Long.MAX_VALUE : next.firstObject();
        nextObject = -1;
        if (next != null) {
            readAhead.start(catalog.extent(next.extent()));
        }
    }
}
