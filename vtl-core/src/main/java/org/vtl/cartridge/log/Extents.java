package org.vtl.cartridge.log;

import java.util.List;

import org.vtl.catalog.Catalog;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.ExtentRecord;

/** Reference counting of extents when a log is truncated. */
final class Extents {

    private Extents() {
    }

    /**
     * Drops the segment-list references of every segment of the partition whose first object is at least
     * {@code fromObject}: decrements each extent's count in the batch and lists those that reach 0 in
     * {@code freed} (to free in the pool after the batch is durable).
     */
    static void dropFrom(Catalog catalog, CatalogBatch batch, long cartridge, int partition, long fromObject,
                         List<ExtentRecord> freed) {
        catalog.segmentsFrom(cartridge, partition, fromObject, segment -> {
            ExtentRecord e = catalog.extent(segment.extent());
            if (e == null) {
                return;
            }
            if (e.references() <= 1) {
                batch.deleteExtent(e.id());
                freed.add(e);
            } else {
                batch.putExtent(e.withReferences(e.references() - 1));
            }
        });
    }
}
