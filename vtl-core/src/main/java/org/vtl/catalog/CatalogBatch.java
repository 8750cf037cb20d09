package org.vtl.catalog;

import java.nio.ByteBuffer;
import java.util.SortedMap;

import org.vtl.cartridge.CartridgeStatistics;

/**
 * Typed updates collected for one atomic {@link Catalog#commit}: either all of them are durable after a crash
 * or none. Other layers put their own state (library elements, partitions) in the generic area with
 * {@link #putState} so that it commits atomically with cartridge changes. Not thread-safe; close when done.
 */
public final class CatalogBatch implements AutoCloseable {

    private final KeyValueBatch batch;
    private final ByteBuffer key = ByteBuffer.allocateDirect(CatalogKeys.OBJECT_KEY_LENGTH);
    private final ByteBuffer value = ByteBuffer.allocateDirect(BlockEntry.VALUE_LENGTH);

    CatalogBatch(KeyValueBatch batch) {
        this.batch = batch;
    }

    KeyValueBatch raw() {
        return batch;
    }

    /** Number of key operations collected. */
    public int size() {
        return batch.count();
    }

    public CatalogBatch putCartridge(CartridgeRecord record) {
        batch.put(CatalogKeys.cartridge(record.info().barcode()), record.encode());
        return this;
    }

    /** Deletes a cartridge and everything keyed by it (partitions, indexes, MAM, statistics). */
    public CatalogBatch deleteCartridge(String barcode, long id) {
        batch.delete(CatalogKeys.cartridge(barcode));
        for (byte table : new byte[] {CatalogKeys.PARTITION, CatalogKeys.BLOCK, CatalogKeys.FILEMARK,
            CatalogKeys.SEGMENT, CatalogKeys.MAM, CatalogKeys.STATISTICS}) {
            batch.deleteRange(CatalogKeys.cartridgeStart(table, id), CatalogKeys.cartridgeEnd(table, id));
        }
        return this;
    }

    public CatalogBatch putPartition(long cartridge, int partition, PartitionState state) {
        batch.put(CatalogKeys.partition(cartridge, partition), state.encode());
        return this;
    }

    /** Deletes a partition's state, indexes and MAM attributes (formatting). */
    public CatalogBatch deletePartition(long cartridge, int partition) {
        batch.delete(CatalogKeys.partition(cartridge, partition));
        truncate(cartridge, partition, 0, 0);
        batch.deleteRange(CatalogKeys.mamStart(cartridge, partition), CatalogKeys.mamStart(cartridge, partition + 1));
        return this;
    }

    /** Adds a block index entry without allocating (direct scratch buffers). */
    public CatalogBatch putBlock(long cartridge, int partition, long object, long extent, int offset, int kind,
                                 int length, int storedLength, long bytesBefore, long filemarksBefore,
                                 long storedBefore) {
        batch.put(CatalogKeys.object(key, CatalogKeys.BLOCK, cartridge, partition, object),
                BlockEntry.encode(value, extent, offset, kind, length, storedLength, bytesBefore, filemarksBefore,
                        storedBefore));
        return this;
    }

    /** Adds a filemark index entry: filemark {@code number} (from 0) is logical object {@code object}. */
    public CatalogBatch putFilemark(long cartridge, int partition, long number, long object) {
        value.clear();
        value.putLong(object).flip();
        batch.put(CatalogKeys.object(key, CatalogKeys.FILEMARK, cartridge, partition, number), value);
        return this;
    }

    public CatalogBatch putSegment(long cartridge, int partition, SegmentEntry segment) {
        batch.put(CatalogKeys.object(CatalogKeys.SEGMENT, cartridge, partition, segment.firstObject()),
                segment.encodeValue());
        return this;
    }

    /**
     * Drops block index entries from {@code object}, filemark entries from {@code filemark} and segment entries
     * whose first object is at least {@code object}. The caller adjusts extent references.
     */
    public CatalogBatch truncate(long cartridge, int partition, long object, long filemark) {
        batch.deleteRange(CatalogKeys.object(CatalogKeys.BLOCK, cartridge, partition, object),
                CatalogKeys.objectEnd(CatalogKeys.BLOCK, cartridge, partition));
        batch.deleteRange(CatalogKeys.object(CatalogKeys.FILEMARK, cartridge, partition, filemark),
                CatalogKeys.objectEnd(CatalogKeys.FILEMARK, cartridge, partition));
        batch.deleteRange(CatalogKeys.object(CatalogKeys.SEGMENT, cartridge, partition, object),
                CatalogKeys.objectEnd(CatalogKeys.SEGMENT, cartridge, partition));
        return this;
    }

    public CatalogBatch putExtent(ExtentRecord extent) {
        batch.put(CatalogKeys.extent(extent.id()), extent.encodeValue());
        return this;
    }

    public CatalogBatch deleteExtent(long id) {
        batch.delete(CatalogKeys.extent(id));
        return this;
    }

    /** Sets host attributes of a partition; an empty value deletes the attribute (SPC-5 WRITE ATTRIBUTE). */
    public CatalogBatch putAttributes(long cartridge, int partition, SortedMap<Integer, byte[]> attributes) {
        for (var e : attributes.entrySet()) {
            byte[] k = CatalogKeys.mam(cartridge, partition, e.getKey());
            if (e.getValue().length == 0) {
                batch.delete(k);
            } else {
                batch.put(k, e.getValue().clone());
            }
        }
        return this;
    }

    public CatalogBatch putStatistics(long cartridge, CartridgeStatistics s) {
        batch.put(CatalogKeys.statistics(cartridge), ByteBuffer.allocate(56).putLong(s.bytesWrittenNative())
                .putLong(s.bytesWrittenStored()).putLong(s.bytesReadNative()).putLong(s.bytesReadStored())
                .putLong(s.loadCount()).putLong(s.readErrorsCorrected()).putLong(s.readErrorsUncorrected()).array());
        return this;
    }

    /** Puts an entry of another layer's state (e.g. namespace "library", key = element address). */
    public CatalogBatch putState(String namespace, byte[] stateKey, byte[] stateValue) {
        batch.put(CatalogKeys.state(namespace, stateKey), stateValue.clone());
        return this;
    }

    public CatalogBatch deleteState(String namespace, byte[] stateKey) {
        batch.delete(CatalogKeys.state(namespace, stateKey));
        return this;
    }

    /** Deletes every entry of a namespace. */
    public CatalogBatch clearState(String namespace) {
        batch.deleteRange(CatalogKeys.state(namespace, new byte[0]), CatalogKeys.stateEnd(namespace));
        return this;
    }

    @Override
    public void close() {
        batch.close();
    }
}
