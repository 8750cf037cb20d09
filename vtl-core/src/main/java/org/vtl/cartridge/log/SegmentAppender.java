package org.vtl.cartridge.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.CRC32C;

import org.vtl.cartridge.segment.BlockCodec;
import org.vtl.cartridge.segment.BlockRecordDescriptor;
import org.vtl.cartridge.segment.SegmentDescriptor;
import org.vtl.cartridge.segment.SegmentStore;
import org.vtl.cartridge.segment.StoredExtent;
import org.vtl.catalog.BlockEntry;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.ExtentRecord;
import org.vtl.catalog.PartitionState;
import org.vtl.catalog.SegmentEntry;
import org.vtl.scsi.Payload;

/**
 * The write side of one partition's log: packs records into the open segment (compressing each block straight
 * from the payload's buffers into the segment buffer, the single copy), writes full segments to the pool and
 * remembers what the next catalog commit must record. Owned by one mounted cartridge, used by one thread.
 *
 * <p>Space: a new segment is claimed (reserving pool space) before the block that needs it is accepted, so
 * accepted blocks can always be written; a drive holds one claimed segment buffer at a time. Room for the
 * end-of-data record a sync point appends is kept free.
 */
final class SegmentAppender {

    private final CartridgeBackend backend;
    private final SegmentStore segments;
    private final BlockCodec codec;
    private final long cartridge;
    private final CRC32C crc = new CRC32C();
    private final CRC32C payloadCrc = new CRC32C();
    private final PendingEntries pending = new PendingEntries();
    private final List<WrittenSegment> written = new ArrayList<>();

    private int partition;
    private ByteBuffer open;
    private long openExtent;
    private long openFirstObject;
    private long openSequence;
    private int openOffset;
    private int openRecords;
    private boolean unsynced;
    /** Pending entries that belong to written segments (the rest belong to the open one). */
    private int entriesWritten;
    /** Whether the last {@link #store} compressed the block. */
    private boolean codecUsed;

    /**
     * A segment handed to the pool whose catalog entries are not committed yet; its write may still be in flight
     * (at most {@code segmentsInFlight} per cartridge), and is always complete before the catalog records it.
     */
    private record WrittenSegment(long extentId, CompletableFuture<StoredExtent> extent, SegmentEntry entry) {

        StoredExtent await() throws IOException {
            try {
                return extent.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof IOException io ? io : new IOException("segment write failed: " + cause, cause);
            }
        }
    }

    SegmentAppender(CartridgeBackend backend, BlockCodec codec, long cartridge) {
        this.backend = backend;
        this.segments = backend.segments();
        this.codec = codec;
        this.cartridge = cartridge;
    }

    /** Switches to another partition; nothing may be pending or open. */
    void usePartition(int index) {
        if (open != null || hasPending()) {
            throw new IllegalStateException("switching partitions with uncommitted records");
        }
        partition = index;
    }

    /** True when records or segments wait for a catalog commit. */
    boolean hasPending() {
        return pending.size() > 0 || !written.isEmpty();
    }

    int writtenSegments() {
        return written.size();
    }

    /** Claims the open segment if there is none, so the next record has reserved space. */
    void ensureSegment(LiveState live) throws IOException {
        if (open == null) {
            open = segments.claim();
            openExtent = backend.allocateExtentId();
            openSequence = live.nextSequence++;
            openFirstObject = live.endOfData;
            openOffset = SegmentDescriptor.HEADER_LENGTH;
            openRecords = 0;
            SegmentDescriptor.begin(open, cartridge, partition, openSequence, openFirstObject);
        }
    }

    /**
     * Appends a data block as logical object {@code live.endOfData}; returns the stored payload length.
     * Rotates to a new segment when it does not fit (the new one is claimed before anything changes).
     */
    int appendBlock(Payload block, boolean compress, LiveState live) throws IOException {
        ensureSegment(live);
        int length = block.length();
        int stored = store(block, length, compress);
        if (stored < 0) {
            rotate(live);
            stored = store(block, length, compress);
            if (stored < 0) {
                throw new IllegalStateException("a fresh segment cannot hold a block of " + length + " bytes");
            }
        }
        int flags = codecUsed ? BlockRecordDescriptor.FLAG_COMPRESSED : 0;
        BlockRecordDescriptor.put(open, openOffset, BlockRecordDescriptor.KIND_DATA, flags,
                flags != 0 ? codec.id() : 0, stored, live.endOfData, length,
                codecUsed && codec.knowsPayloadCrc() ? codec.lastPayloadCrc() : payloadCrc(block), crc);
        pending.add(live.endOfData, openExtent, openOffset, BlockEntry.DATA, length, stored, live.nativeBytes,
                live.filemarks, live.storedBytes);
        openOffset += BlockRecordDescriptor.HEADER_LENGTH + stored;
        openRecords++;
        return stored;
    }

    /** Appends a filemark as logical object {@code live.endOfData}. */
    void appendFilemark(LiveState live) throws IOException {
        ensureSegment(live);
        if (room() < 0) {
            rotate(live);
        }
        BlockRecordDescriptor.put(open, openOffset, BlockRecordDescriptor.KIND_FILEMARK, 0, 0, 0, live.endOfData, 0,
                0, crc);
        pending.add(live.endOfData, openExtent, openOffset, BlockEntry.FILEMARK, 0, 0, live.nativeBytes,
                live.filemarks, live.storedBytes);
        openOffset += BlockRecordDescriptor.HEADER_LENGTH;
        openRecords++;
    }

    /** Sync point: ends the open segment with an end-of-data record and writes it as a (narrower) stripe. */
    void writeOpenSegment(LiveState live) throws IOException {
        if (open == null || openRecords == 0) {
            return;
        }
        BlockRecordDescriptor.put(open, openOffset, BlockRecordDescriptor.KIND_END_OF_DATA, 0, 0, 0, live.endOfData,
                0, 0, crc);
        openOffset += BlockRecordDescriptor.HEADER_LENGTH;
        writeOpen();
    }

    /** Pool durability barrier for the segments written since the last one (waits for those in flight first). */
    void syncSegments() throws IOException {
        awaitInFlight(0);
        if (unsynced) {
            segments.sync();
            unsynced = false;
        }
    }

    /**
     * Adds the written segments and their records' entries to the batch (not those of the open segment); call
     * {@link #committed()} once the batch is applied.
     */
    void writeTo(CatalogBatch batch) throws IOException {
        for (WrittenSegment w : written) {
            StoredExtent extent = w.await();
            batch.putExtent(new ExtentRecord(w.extentId, extent.address(), extent.length(), 1));
            batch.putSegment(cartridge, partition, w.entry);
        }
        pending.writeTo(batch, cartridge, partition, entriesWritten);
    }

    void committed() {
        written.clear();
        pending.dropFirst(entriesWritten);
        entriesWritten = 0;
    }

    /** The partition state as far as the written segments reach: what a checkpoint commits. */
    PartitionState checkpointState(LiveState live) {
        if (entriesWritten == pending.size()) {
            return live.toState();
        }
        int i = entriesWritten;
        return new PartitionState(live.size, pending.object(i), pending.filemarksBefore(i), pending.bytesBefore(i),
                pending.storedBefore(i), live.nextSequence);
    }

    BlockCodec codec() {
        return codec;
    }

    /** Gives the open segment's reservation back (unload, or before the log changes under it). */
    void releaseOpen() {
        if (open != null && openRecords == 0) {
            segments.release(open);
            open = null;
        }
    }

    private int room() {
        // Keep room for the end-of-data record of a sync point.
        return open.capacity() - openOffset - 2 * BlockRecordDescriptor.HEADER_LENGTH;
    }

    /** Stores the payload after the record header; -1 when it does not fit the open segment. */
    private int store(Payload block, int length, boolean compress) {
        int room = room();
        if (room < 0) {
            return -1;
        }
        int at = openOffset + BlockRecordDescriptor.HEADER_LENGTH;
        codecUsed = false;
        if (compress && length > 0) {
            open.limit(open.capacity()).position(at).limit(at + room);
            int n = codec.compress(block.buffers(), length, open);
            open.clear();
            if (n >= 0) {
                codecUsed = true;
                return n;
            }
        }
        if (length > room) {
            return -1;
        }
        for (ByteBuffer b : block.buffers()) {
            int n = b.remaining();
            open.put(at, b, b.position(), n);
            at += n;
        }
        return length;
    }

    private int payloadCrc(Payload block) {
        payloadCrc.reset();
        for (ByteBuffer b : block.buffers()) {
            int position = b.position();
            payloadCrc.update(b);
            b.position(position);
        }
        return (int) payloadCrc.getValue();
    }

    /**
     * Writes the full segment, then claims the next one. A drive holds at most one claimed buffer, so a pool
     * with as many stripe buffers as drives writing at once never starves; a full pool is still reported
     * before the block that needed the new segment is accepted (every accepted block is already written).
     */
    private void rotate(LiveState live) throws IOException {
        writeOpen();
        ensureSegment(live);
    }

    private void writeOpen() throws IOException {
        SegmentDescriptor.seal(open, openOffset - SegmentDescriptor.HEADER_LENGTH, crc);
        ByteBuffer segment = open;
        open = null;
        openRecords = 0;
        CompletableFuture<StoredExtent> extent = segments.writeAsync(segment, openOffset);
        unsynced = true;
        entriesWritten = pending.size();
        written.add(new WrittenSegment(openExtent, extent, new SegmentEntry(openFirstObject, openExtent,
                openSequence)));
        awaitInFlight(backend.config().segmentsInFlight());
    }

    /**
     * Waits, oldest first, until at most {@code limit} written segments are still on their way to the pool. A
     * failed write surfaces here, on the command that waits, and again at every later wait: the segment's
     * records can never be committed, so the cartridge refuses to pretend they were.
     */
    private void awaitInFlight(int limit) throws IOException {
        int inFlight = 0;
        for (int i = 0; i < written.size(); i++) {
            CompletableFuture<StoredExtent> extent = written.get(i).extent;
            if (!extent.isDone()) {
                inFlight++;
            } else if (extent.isCompletedExceptionally()) {
                written.get(i).await();
            }
        }
        for (int i = 0; i < written.size() && inFlight > limit; i++) {
            WrittenSegment w = written.get(i);
            if (!w.extent.isDone()) {
                w.await();
                inFlight--;
            }
        }
    }
}
