package org.vtl.catalog;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.vtl.cartridge.CartridgeStatistics;

/**
 * The appliance's single source of truth after first boot: typed reads over a {@link KeyValueStore} and atomic
 * {@link CatalogBatch} commits. Thread-safe (the store is); a batch belongs to one thread.
 * Key layout: {@link CatalogKeys}; formats: docs/formats.md.
 */
public final class Catalog implements AutoCloseable {

    private final KeyValueStore store;

    public Catalog(KeyValueStore store) {
        this.store = store;
    }

    /** Opens (creating if needed) a RocksDB catalog in {@code directory}. */
    public static Catalog open(Path directory) {
        return new Catalog(RocksKeyValueStore.open(directory));
    }

    /** Opens a RocksDB catalog; {@code fsync} false is for tests of semantics only (see RocksKeyValueStore). */
    public static Catalog open(Path directory, boolean fsync) {
        return new Catalog(RocksKeyValueStore.open(directory, fsync));
    }

    public CatalogBatch batch() {
        return new CatalogBatch(store.newBatch());
    }

    /** Applies the batch atomically; with {@code sync} it is on stable storage (WAL synced) when this returns. */
    public void commit(CatalogBatch batch, boolean sync) {
        store.write(batch.raw(), sync);
    }

    /** Durability barrier for everything committed so far. */
    public void sync() {
        store.sync();
    }

    public Optional<CartridgeRecord> cartridge(String barcode) {
        byte[] v = store.get(CatalogKeys.cartridge(barcode));
        return v == null ? Optional.empty() : Optional.of(CartridgeRecord.decode(barcode, v));
    }

    /** Every cartridge, in barcode order. */
    public List<CartridgeRecord> cartridges() {
        List<CartridgeRecord> out = new ArrayList<>();
        store.scan(CatalogKeys.tableStart(CatalogKeys.CARTRIDGE), CatalogKeys.tableEnd(CatalogKeys.CARTRIDGE),
                (k, v) -> out.add(CartridgeRecord.decode(
                        new String(k, 1, k.length - 1, java.nio.charset.StandardCharsets.US_ASCII), v)));
        return out;
    }

    /** The partition's committed state, or {@code null}. */
    public PartitionState partition(long cartridge, int partition) {
        byte[] v = store.get(CatalogKeys.partition(cartridge, partition));
        return v == null ? null : PartitionState.decode(v);
    }

    /** The block index entry of a logical object, or {@code null} when it is not recorded. */
    public BlockEntry block(long cartridge, int partition, long object) {
        byte[] v = store.get(CatalogKeys.object(CatalogKeys.BLOCK, cartridge, partition, object));
        return v == null ? null : BlockEntry.decode(v);
    }

    /** The logical object of filemark {@code number} (from 0), or -1 when there are not that many. */
    public long filemark(long cartridge, int partition, long number) {
        if (number < 0) {
            return -1;
        }
        byte[] v = store.get(CatalogKeys.object(CatalogKeys.FILEMARK, cartridge, partition, number));
        return v == null ? -1 : ByteBuffer.wrap(v).getLong();
    }

    /** The segment holding {@code object}: the one with the greatest first object not after it, or null. */
    public SegmentEntry segmentAt(long cartridge, int partition, long object) {
        SegmentEntry[] found = new SegmentEntry[1];
        store.last(CatalogKeys.object(CatalogKeys.SEGMENT, cartridge, partition, 0),
                CatalogKeys.object(CatalogKeys.SEGMENT, cartridge, partition, object + 1),
                (k, v) -> {
                    found[0] = SegmentEntry.decode(k, v);
                    return false;
                });
        return found[0];
    }

    /** Segments whose first object is at least {@code fromObject}, in order. */
    public void segmentsFrom(long cartridge, int partition, long fromObject, Consumer<SegmentEntry> visitor) {
        store.scan(CatalogKeys.object(CatalogKeys.SEGMENT, cartridge, partition, fromObject),
                CatalogKeys.objectEnd(CatalogKeys.SEGMENT, cartridge, partition), (k, v) -> {
                    visitor.accept(SegmentEntry.decode(k, v));
                    return true;
                });
    }

    /** The segment following the one starting at {@code firstObject}, or null. */
    public SegmentEntry segmentAfter(long cartridge, int partition, long firstObject) {
        SegmentEntry[] found = new SegmentEntry[1];
        store.scan(CatalogKeys.object(CatalogKeys.SEGMENT, cartridge, partition, firstObject + 1),
                CatalogKeys.objectEnd(CatalogKeys.SEGMENT, cartridge, partition), (k, v) -> {
                    found[0] = SegmentEntry.decode(k, v);
                    return false;
                });
        return found[0];
    }

    public ExtentRecord extent(long id) {
        byte[] v = store.get(CatalogKeys.extent(id));
        return v == null ? null : ExtentRecord.decode(id, v);
    }

    /** Every extent, in id order. */
    public void extents(Consumer<ExtentRecord> visitor) {
        store.scan(CatalogKeys.tableStart(CatalogKeys.EXTENT), CatalogKeys.tableEnd(CatalogKeys.EXTENT), (k, v) -> {
            visitor.accept(ExtentRecord.decode(CatalogKeys.extentId(k), v));
            return true;
        });
    }

    /** Host MAM attributes of a partition, by id. */
    public SortedMap<Integer, byte[]> attributes(long cartridge, int partition) {
        SortedMap<Integer, byte[]> out = new TreeMap<>();
        store.scan(CatalogKeys.mamStart(cartridge, partition), CatalogKeys.mamStart(cartridge, partition + 1),
                (k, v) -> {
                    out.put(CatalogKeys.mamAttribute(k), v);
                    return true;
                });
        return out;
    }

    public CartridgeStatistics statistics(long cartridge) {
        byte[] v = store.get(CatalogKeys.statistics(cartridge));
        if (v == null) {
            return new CartridgeStatistics(0, 0, 0, 0, 0, 0, 0);
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        return new CartridgeStatistics(b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                b.getLong());
    }

    /** One entry of another layer's state, if present. */
    public Optional<byte[]> state(String namespace, byte[] key) {
        return Optional.ofNullable(store.get(CatalogKeys.state(namespace, key)));
    }

    /** Every entry of a namespace in key order, with the caller's key bytes. */
    public void states(String namespace, BiConsumer<byte[], byte[]> visitor) {
        store.scan(CatalogKeys.state(namespace, new byte[0]), CatalogKeys.stateEnd(namespace), (k, v) -> {
            visitor.accept(CatalogKeys.stateKey(k), v);
            return true;
        });
    }

    @Override
    public void close() {
        store.close();
    }
}
