package org.vtl.appliance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vtl.catalog.Catalog;
import org.vtl.catalog.CatalogBatch;
import org.vtl.library.ElementChange;
import org.vtl.library.ElementContent;
import org.vtl.library.LibraryStateStore;

/**
 * Element contents of every library partition in the catalog's state table, namespace {@value #NAMESPACE}:
 * key = partition name (ASCII), 0x00, element address (4 bytes big-endian); value = source address (4 bytes,
 * -1 for none) then the barcode (ASCII). Partition definitions live in namespace {@value #PARTITIONS} (key =
 * name, value = the partition in the configuration file's JSON form).
 */
final class CatalogLibraryStateStore implements LibraryStateStore {

    static final String NAMESPACE = "library.element";
    static final String PARTITIONS = "library.partition";

    private final Catalog catalog;

    CatalogLibraryStateStore(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Map<Integer, ElementContent> load(String partition) {
        byte[] prefix = prefix(partition);
        Map<Integer, ElementContent> out = new HashMap<>();
        catalog.states(NAMESPACE, (key, value) -> {
            if (key.length == prefix.length + 4 && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
                ByteBuffer v = ByteBuffer.wrap(value);
                int source = v.getInt();
                String barcode = new String(value, 4, value.length - 4, StandardCharsets.US_ASCII);
                out.put(ByteBuffer.wrap(key, prefix.length, 4).getInt(), new ElementContent(barcode, source));
            }
        });
        return out;
    }

    @Override
    public void commit(String partition, List<ElementChange> changes) {
        try (CatalogBatch batch = catalog.batch()) {
            put(batch, partition, changes);
            catalog.commit(batch, true);
        }
    }

    /** Adds element changes to a batch the caller commits with its other changes. */
    static void put(CatalogBatch batch, String partition, List<ElementChange> changes) {
        for (ElementChange c : changes) {
            byte[] key = key(partition, c.address());
            if (c.content() == null) {
                batch.deleteState(NAMESPACE, key);
            } else {
                byte[] barcode = c.content().barcode().getBytes(StandardCharsets.US_ASCII);
                batch.putState(NAMESPACE, key, ByteBuffer.allocate(4 + barcode.length)
                        .putInt(c.content().sourceAddress()).put(barcode).array());
            }
        }
    }

    static byte[] key(String partition, int address) {
        byte[] prefix = prefix(partition);
        return ByteBuffer.allocate(prefix.length + 4).put(prefix).putInt(address).array();
    }

    private static byte[] prefix(String partition) {
        byte[] name = partition.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(name.length + 1).put(name).put((byte) 0).array();
    }
}
