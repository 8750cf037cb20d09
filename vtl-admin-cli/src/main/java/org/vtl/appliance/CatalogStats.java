package org.vtl.appliance;

import java.util.ArrayList;
import java.util.List;

import org.vtl.admin.PartitionView;
import org.vtl.admin.StatsService;
import org.vtl.admin.StatsView;
import org.vtl.cartridge.CartridgeStatistics;
import org.vtl.catalog.CartridgeRecord;
import org.vtl.catalog.PartitionState;

/**
 * Statistics per partition from the catalog: native bytes written (what the cartridges hold), native bytes read
 * (the cartridges' LOG SENSE counters) and the compression ratio of what is stored. Per-drive rates need meters
 * from the drives, which the SCSI layer does not publish yet: the drive list is empty until it does.
 */
final class CatalogStats implements StatsService {

    private final CatalogLibrary library;

    CatalogStats(CatalogLibrary library) {
        this.library = library;
    }

    @Override
    public StatsView stats() {
        List<StatsView.Partition> partitions = new ArrayList<>();
        synchronized (library) {
            for (PartitionView p : library.list()) {
                String name = p.config().name();
                long written = 0;
                long stored = 0;
                long read = 0;
                for (CartridgeRecord r : library.catalog.cartridges()) {
                    if (!r.owner().equals(name)) {
                        continue;
                    }
                    for (int i = 0; i < r.partitionCount(); i++) {
                        PartitionState s = library.catalog.partition(r.id(), i);
                        written += s.nativeBytes();
                        stored += s.storedBytes();
                    }
                    CartridgeStatistics c = library.catalog.statistics(r.id());
                    read += c.bytesReadNative();
                }
                double ratio = stored == 0 ? 1.0 : (double) written / stored;
                partitions.add(new StatsView.Partition(name, written, read, ratio));
            }
        }
        return new StatsView(partitions, List.of());
    }
}
