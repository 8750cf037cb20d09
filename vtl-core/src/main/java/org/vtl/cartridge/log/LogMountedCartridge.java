package org.vtl.cartridge.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStatistics;
import org.vtl.cartridge.MamAttributes;
import org.vtl.cartridge.MediumError;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.PartitionCapacity;
import org.vtl.cartridge.PartitionSizes;
import org.vtl.cartridge.ReadOutcome;
import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.SpaceOutcome;
import org.vtl.cartridge.TapePosition;
import org.vtl.cartridge.WriteOutcome;
import org.vtl.cartridge.segment.SegmentStoreFullException;
import org.vtl.catalog.BlockEntry;
import org.vtl.catalog.CartridgeRecord;
import org.vtl.catalog.Catalog;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.CatalogException;
import org.vtl.catalog.ExtentRecord;
import org.vtl.catalog.PartitionState;
import org.vtl.scsi.Payload;

/**
 * A cartridge of a {@link LogCartridgeStore} loaded in a drive: the partition logs on the pool, positioned
 * through the catalog's block and filemark indexes in O(log n). Behaves as the reference model
 * ({@code MemoryCartridgeStore}) does, plus durability: {@link #flush()} returns once the segments are synced
 * and the catalog batch is committed with a synced WAL.
 *
 * <p>Writes are buffered in the open segment; any other movement (read, space, locate, rewind, erase, format,
 * MAM write, unload) is a sync point first, as a drive empties its buffer before it moves the tape. Writing
 * before end-of-data first commits the truncation durably, so after a crash the content is always a prefix
 * of what was written. A storage failure on the write path fails the mount: every later operation reports
 * {@link MediumError#STORAGE_FAILURE} until the cartridge is mounted again from the catalog.
 */
final class LogMountedCartridge implements MountedCartridge {

    private static final Logger LOG = LoggerFactory.getLogger(LogMountedCartridge.class);

    private final CartridgeBackend backend;
    private final LogCartridgeStore store;
    private final Catalog catalog;
    private final CapacityPolicy policy;
    private final long id;
    private final String barcode;
    private final SegmentAppender appender;
    private final SegmentReader reader;
    private final BlockReader blocks;
    private final Statistics statistics;
    private final List<PartitionState> committed = new ArrayList<>();

    private volatile CartridgeInfo info;
    private int partition;
    private LiveState live;
    private final Cursor cursor = new Cursor();
    private boolean compression = true;
    private boolean closed;
    private MediumException failure;

    /** Where the drive is: a logical object and the totals before it. */
    static final class Cursor {
        long object;
        long bytesBefore;
        long filemarksBefore;
        long storedBefore;
    }

    private LogMountedCartridge(CartridgeBackend backend, LogCartridgeStore store, CartridgeRecord record) {
        this.backend = backend;
        this.store = store;
        this.catalog = backend.catalog();
        this.policy = backend.config().policy();
        this.id = record.id();
        this.barcode = record.info().barcode();
        this.info = record.info();
        this.appender = new SegmentAppender(backend, backend.newCodec(record.id()), id);
        ReadAhead ahead = new ReadAhead(backend.segments(), backend.readAheadExecutor());
        this.reader = new SegmentReader(catalog, backend.segments(), id, ahead);
        this.blocks = new BlockReader(reader, appender.codec(), policy.maxBlockSize());
        this.statistics = new Statistics(catalog.statistics(id));
        for (int p = 0; p < record.partitionCount(); p++) {
            committed.add(catalog.partition(id, p));
        }
    }

    static LogMountedCartridge mount(CartridgeBackend backend, LogCartridgeStore store, CartridgeRecord record)
            throws MediumException {
        try {
            LogMountedCartridge c = new LogMountedCartridge(backend, store, record);
            c.statistics.loadCount++;
            try (CatalogBatch batch = c.catalog.batch()) {
                batch.putStatistics(c.id, c.statistics.snapshot());
                c.catalog.commit(batch, false);
            }
            c.switchTo(0);
            backend.loaded(c);
            return c;
        } catch (CatalogException e) {
            throw new MediumException(MediumError.STORAGE_FAILURE, "catalog failed mounting " + record, e);
        }
    }

    /** Segments a streaming read found already read ahead (for tests and meters). */
    long readAheadHits() {
        return reader.readAheadHits();
    }

    long cartridgeId() {
        return id;
    }

    @Override
    public CartridgeInfo info() {
        return info;
    }

    @Override
    public TapePosition position() {
        return new TapePosition(partition, cursor.object, cursor.filemarksBefore, cursor.object == 0,
                cursor.object == live.endOfData, cursor.bytesBefore >= policy.earlyWarningPoint(live.size));
    }

    @Override
    public WriteOutcome writeBlock(Payload block) throws MediumException {
        try {
            int length = block.length();
            checkWritable();
            if (length > policy.maxBlockSize()) {
                throw new MediumException(MediumError.BLOCK_TOO_LARGE,
                        "block of " + length + " bytes exceeds " + policy.maxBlockSize());
            }
            boolean atEnd = cursor.object == live.endOfData;
            if (!atEnd) {
                checkWormAllowsWriteHere();
            }
            if (cursor.bytesBefore + length > live.size) {
                throw new MediumException(MediumError.END_OF_MEDIUM, "block would pass the end of partition "
                        + partition + " (" + (live.size - cursor.bytesBefore) + " bytes left)");
            }
            long freed = live.storedBytes - cursor.storedBefore;
            if (backend.usage(store.owner()) - freed + length > store.quota()) {
                throw new MediumException(MediumError.QUOTA_EXCEEDED, "quota of " + store.quota()
                        + " bytes of library partition " + store.owner() + " reached");
            }
            // Not through guarded(): no capturing lambda on the per-block path.
            try {
                prepareAppend(atEnd);
                int stored = appender.appendBlock(block, compression, live);
                live.endOfData++;
                live.nativeBytes += length;
                live.storedBytes += stored;
                backend.addUsage(store.owner(), stored);
                cursor.object++;
                cursor.bytesBefore += length;
                cursor.storedBefore += stored;
                statistics.written(length, stored);
                checkpointIfDue();
                return outcome();
            } catch (IOException | CatalogException e) {
                throw storageFailure(e);
            }
        } finally {
            block.release();
        }
    }

    @Override
    public WriteOutcome writeFilemarks(long count) throws MediumException {
        checkOpen();
        if (count < 0) {
            throw new MediumException(MediumError.INVALID_PARAMETER, "negative filemark count");
        }
        if (count == 0) {
            return outcome();
        }
        checkWritable();
        boolean atEnd = cursor.object == live.endOfData;
        if (!atEnd) {
            checkWormAllowsWriteHere();
        }
        return guarded(() -> {
            prepareAppend(atEnd);
            for (long i = 0; i < count; i++) {
                appender.appendFilemark(live);
                live.endOfData++;
                live.filemarks++;
                cursor.object++;
                cursor.filemarksBefore++;
                checkpointIfDue();
            }
            return outcome();
        });
    }

    @Override
    public void flush() throws MediumException {
        checkOpen();
        guarded(() -> {
            commit(true);
            return null;
        });
    }

    @Override
    public ReadOutcome read(ByteBuffer destination) throws MediumException {
        settle();
        if (cursor.object == live.endOfData) {
            return new ReadOutcome(RecordKind.END_OF_DATA, 0, 0);
        }
        try {
            blocks.read(cursor.object, destination);
        } catch (IOException | CatalogException e) {
            statistics.readError();
            throw new MediumException(MediumError.UNRECOVERED_READ_ERROR,
                    "object " + cursor.object + " of partition " + partition + ": " + e.getMessage(), e);
        }
        cursor.object++;
        if (blocks.kind() == RecordKind.FILEMARK) {
            cursor.filemarksBefore++;
            return new ReadOutcome(RecordKind.FILEMARK, 0, 0);
        }
        cursor.bytesBefore += blocks.length();
        cursor.storedBefore += blocks.storedLength();
        statistics.read(blocks.copied(), blocks.storedLength());
        return new ReadOutcome(RecordKind.DATA, blocks.length(), blocks.copied());
    }

    @Override
    public SpaceOutcome spaceBlocks(long count) throws MediumException {
        settle();
        return guarded(() -> new Spacing(this).blocks(count));
    }

    @Override
    public SpaceOutcome spaceFilemarks(long count) throws MediumException {
        settle();
        return guarded(() -> new Spacing(this).filemarks(count));
    }

    @Override
    public void spaceToEndOfData() throws MediumException {
        settle();
        moveTo(live.endOfData);
    }

    @Override
    public SpaceOutcome locate(int targetPartition, long logicalObject) throws MediumException {
        settle();
        if (targetPartition < 0 || targetPartition >= committed.size() || logicalObject < 0) {
            throw new MediumException(MediumError.INVALID_POSITION,
                    "no partition " + targetPartition + " / object " + logicalObject);
        }
        return guarded(() -> {
            switchTo(targetPartition);
            if (logicalObject > live.endOfData) {
                moveTo(live.endOfData);
                return new SpaceOutcome(live.endOfData, RecordKind.END_OF_DATA);
            }
            moveTo(logicalObject);
            return SpaceOutcome.complete(logicalObject);
        });
    }

    @Override
    public void rewind() throws MediumException {
        settle();
        guarded(() -> {
            switchTo(0);
            return null;
        });
    }

    @Override
    public void erase() throws MediumException {
        settle();
        checkWritable();
        checkWormAllowsWriteHere();
        guarded(() -> {
            truncateHere();
            return null;
        });
    }

    @Override
    public void format(long[] partitionSizes) throws MediumException {
        settle();
        checkWritable();
        long[] sizes = PartitionSizes.resolve(partitionSizes, info.mediaType(), info.nativeCapacity());
        if (info.worm() && objectsAll() > 0) {
            throw new MediumException(MediumError.WORM_OVERWRITE, "a WORM cartridge with data cannot be formatted");
        }
        guarded(() -> {
            appender.releaseOpen();
            Formatter.format(backend, store.owner(), refreshRecord(), committed, sizes);
            committed.clear();
            for (int p = 0; p < sizes.length; p++) {
                committed.add(PartitionState.blank(sizes[p]));
            }
            switchTo(0);
            return null;
        });
    }

    @Override
    public int partitionCount() {
        return committed.size();
    }

    @Override
    public PartitionCapacity capacity(int index) {
        if (index < 0 || index >= committed.size()) {
            throw new IllegalArgumentException("no partition " + index);
        }
        PartitionState s = index == partition ? live.toState() : committed.get(index);
        return new PartitionCapacity(s.size(), s.size() - s.nativeBytes(), policy.earlyWarningPoint(s.size()));
    }

    @Override
    public void setCompression(boolean enabled) {
        compression = enabled;
    }

    @Override
    public CartridgeStatistics statistics() {
        return statistics.snapshot();
    }

    @Override
    public MamAttributes attributes() {
        return new LogAttributes(this, catalog, id);
    }

    @Override
    public void close() throws MediumException {
        if (closed) {
            return;
        }
        try {
            if (failure == null) {
                guarded(() -> {
                    commit(true);
                    return null;
                });
            }
        } finally {
            closed = true;
            appender.releaseOpen();
            appender.codec().close();
            reader.invalidate(0);
            backend.unloaded(barcode);
            backend.unmount(barcode);
        }
    }

    // ---- used by Spacing, LogAttributes, Formatter

    Catalog catalog() {
        return catalog;
    }

    int partition() {
        return partition;
    }

    LiveState live() {
        return live;
    }

    Cursor cursor() {
        return cursor;
    }

    void updateInfo(CartridgeInfo changed) {
        info = changed;
    }

    PartitionCapacity capacityOf(int index) {
        return capacity(index);
    }

    long loadCount() {
        return statistics.loadCount;
    }

    /** Moves the cursor to a logical object of the current partition (0..EOD), reading its totals. */
    void moveTo(long object) {
        if (object == live.endOfData) {
            cursor.object = object;
            cursor.bytesBefore = live.nativeBytes;
            cursor.filemarksBefore = live.filemarks;
            cursor.storedBefore = live.storedBytes;
            return;
        }
        BlockEntry e = catalog.block(id, partition, object);
        if (e == null) {
            throw new CatalogException("block index has no entry for object " + object + " below end-of-data");
        }
        cursor.object = object;
        cursor.bytesBefore = e.bytesBefore();
        cursor.filemarksBefore = e.filemarksBefore();
        cursor.storedBefore = e.storedBefore();
    }

    void checkWritable() throws MediumException {
        checkOpen();
        if (info.writeProtected()) {
            throw new MediumException(MediumError.WRITE_PROTECTED, "cartridge is write-protected");
        }
    }

    /** Sync point before any movement; see the class comment. */
    void settle() throws MediumException {
        checkOpen();
        if (appender.hasPending()) {
            guarded(() -> {
                commit(true);
                return null;
            });
        }
    }

    // ---- internals

    private CartridgeRecord refreshRecord() {
        return catalog.cartridge(barcode).orElseThrow(() -> new CatalogException("cartridge " + barcode + " vanished"));
    }

    private void checkOpen() throws MediumException {
        if (closed) {
            throw new MediumException(MediumError.NOT_AVAILABLE, "cartridge was unloaded");
        }
        if (failure != null) {
            throw new MediumException(MediumError.STORAGE_FAILURE, "cartridge failed earlier: " + failure.getMessage(),
                    failure);
        }
    }

    private void checkWormAllowsWriteHere() throws MediumException {
        boolean onlyFilemarks = live.filemarks - cursor.filemarksBefore == live.endOfData - cursor.object;
        if (info.worm() && !onlyFilemarks) {
            throw new MediumException(MediumError.WORM_OVERWRITE, "WORM cartridge: data after object "
                    + cursor.object);
        }
    }

    private WriteOutcome outcome() {
        return cursor.bytesBefore >= policy.earlyWarningPoint(live.size)
                ? WriteOutcome.WRITTEN_EARLY_WARNING : WriteOutcome.WRITTEN;
    }

    /**
     * Claims segment space first (a full pool refuses before anything changes), then truncates if needed.
     * When the pool is full but the truncation frees segments, truncates first and claims again; if that still
     * fails the refusal says the medium was truncated.
     */
    private void prepareAppend(boolean atEnd) throws IOException {
        if (!atEnd && appender.hasPending()) {
            commit(true);
        }
        try {
            appender.ensureSegment(live);
        } catch (SegmentStoreFullException e) {
            if (atEnd) {
                throw e;
            }
            truncateHere();
            try {
                appender.ensureSegment(live);
            } catch (SegmentStoreFullException again) {
                throw new SegmentStoreFullException("the pool has no room for another segment (the medium was "
                        + "truncated at object " + cursor.object + ")");
            }
            return;
        }
        if (!atEnd) {
            truncateHere();
        }
    }

    /** Makes the cursor end-of-data, durably, and frees segments that lie wholly after it. */
    private void truncateHere() {
        appender.releaseOpen();
        List<ExtentRecord> freed = new ArrayList<>();
        long storedFreed = live.storedBytes - cursor.storedBefore;
        live.endOfData = cursor.object;
        live.filemarks = cursor.filemarksBefore;
        live.nativeBytes = cursor.bytesBefore;
        live.storedBytes = cursor.storedBefore;
        try (CatalogBatch batch = catalog.batch()) {
            Extents.dropFrom(catalog, batch, id, partition, cursor.object, freed);
            batch.truncate(id, partition, cursor.object, cursor.filemarksBefore);
            batch.putPartition(id, partition, live.toState());
            catalog.commit(batch, true);
        }
        committed.set(partition, live.toState());
        backend.free(freed);
        backend.addUsage(store.owner(), -storedFreed);
        reader.invalidate(partition);
    }

    private void checkpointIfDue() throws IOException {
        if (appender.writtenSegments() >= backend.config().checkpointSegments()) {
            commit(false);
        }
    }

    /**
     * Writes the open segment (only at a durable sync point), syncs the pool, then commits every pending entry,
     * the partition state and the statistics in one batch.
     */
    private void commit(boolean durable) throws IOException {
        if (!appender.hasPending() && !statistics.dirty) {
            if (durable) {
                catalog.sync();
            }
            return;
        }
        if (durable) {
            appender.writeOpenSegment(live);
        }
        boolean newSegments = appender.writtenSegments() > 0;
        appender.syncSegments();
        try (CatalogBatch batch = catalog.batch()) {
            appender.writeTo(batch);
            PartitionState state = committedState(durable);
            batch.putPartition(id, partition, state);
            batch.putStatistics(id, statistics.snapshot());
            catalog.commit(batch, durable);
            committed.set(partition, state);
        }
        appender.committed();
        statistics.dirty = false;
        if (newSegments) {
            reader.segmentsAppended();
        }
    }

    /** The partition state the batch records: everything live at a sync point, else up to the written segments. */
    private PartitionState committedState(boolean durable) {
        if (durable) {
            return live.toState();
        }
        return appender.checkpointState(live);
    }

    private void switchTo(int index) {
        appender.releaseOpen();
        partition = index;
        live = new LiveState(committed.get(index));
        appender.usePartition(index);
        reader.invalidate(index);
        moveTo(0);
    }

    private long objectsAll() {
        long sum = 0;
        for (PartitionState s : committed) {
            sum += s.endOfData();
        }
        return sum;
    }

    /** An operation that may fail in the storage below. */
    @FunctionalInterface
    interface StorageAction<T> {
        T run() throws IOException, MediumException;
    }

    /** Runs an action, turning storage failures into medium errors; a failure on the write path fails the mount. */
    <T> T guarded(StorageAction<T> action) throws MediumException {
        try {
            return action.run();
        } catch (IOException | CatalogException e) {
            throw storageFailure(e);
        }
    }

    /** A full pool refuses the operation; any other storage failure fails the mount (FATAL for writes). */
    private MediumException storageFailure(Exception e) {
        if (e instanceof SegmentStoreFullException) {
            return new MediumException(MediumError.POOL_FULL, e.getMessage(), e);
        }
        LOG.error("cartridge {}: storage failure, further writes refused until it is mounted again", barcode, e);
        failure = new MediumException(MediumError.STORAGE_FAILURE, "storage failure: " + e.getMessage(), e);
        return failure;
    }
}
