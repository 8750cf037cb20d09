package org.vtl.cartridge.log;

import java.util.ArrayList;
import java.util.List;

import org.vtl.catalog.CartridgeRecord;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.ExtentRecord;
import org.vtl.catalog.PartitionState;

/** FORMAT MEDIUM / partitioning (SSC-5 6.3): one atomic batch drops every partition and creates the new ones. */
final class Formatter {

    private Formatter() {
    }

    /**
     * Replaces the partitions of a cartridge by empty ones of {@code sizes}; host MAM attributes of partitions
     * that remain are kept. Frees the extents afterwards and gives the stored bytes back to the quota.
     */
    static void format(CartridgeBackend backend, String owner, CartridgeRecord record, List<PartitionState> old,
                       long[] sizes) {
        long id = record.id();
        List<ExtentRecord> freed = new ArrayList<>();
        long stored = 0;
        try (CatalogBatch batch = backend.catalog().batch()) {
            for (int p = 0; p < old.size(); p++) {
                Extents.dropFrom(backend.catalog(), batch, id, p, 0, freed);
                batch.truncate(id, p, 0, 0);
                stored += old.get(p).storedBytes();
                if (p >= sizes.length) {
                    batch.deletePartition(id, p);
                }
            }
            for (int p = 0; p < sizes.length; p++) {
                batch.putPartition(id, p, PartitionState.blank(sizes[p]));
            }
            batch.putCartridge(record.withPartitionCount(sizes.length));
            backend.catalog().commit(batch, true);
        }
        backend.free(freed);
        backend.addUsage(owner, -stored);
    }
}
