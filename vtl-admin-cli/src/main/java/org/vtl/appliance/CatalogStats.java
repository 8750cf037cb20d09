package org.vtl.appliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vtl.admin.PartitionView;
import org.vtl.admin.StatsService;
import org.vtl.admin.StatsView;
import org.vtl.cartridge.CartridgeStatistics;
import org.vtl.catalog.CartridgeRecord;
import org.vtl.catalog.PartitionState;
import org.vtl.scsi.ssc.DriveCounters;

/**
 * Statistics per partition and per drive. Per partition from the catalog: native bytes its cartridges hold, native
 * bytes read from them (their LOG SENSE counters) and the compression ratio of what is stored, plus the summed rates
 * of its drives. Per drive from the drive's {@link DriveCounters}: host bytes and blocks since the daemon started,
 * what they took after compression, and rates over the interval since the previous request (the first request
 * averages over the drive's life).
 */
final class CatalogStats implements StatsService {

    private record Sample(DriveCounters drive, long nanos, long written, long read) {
    }

    private final CatalogLibrary library;
    private final Map<String, Sample> previous = new HashMap<>();
    private final long started = System.nanoTime();

    CatalogStats(CatalogLibrary library) {
        this.library = library;
    }

    @Override
    public StatsView stats() {
        List<StatsView.Partition> partitions = new ArrayList<>();
        List<StatsView.Drive> drives = new ArrayList<>();
        synchronized (library) {
            for (PartitionView p : library.list()) {
                String name = p.config().name();
                List<StatsView.Drive> own = drives(name);
                drives.addAll(own);
                partitions.add(partition(name, own));
            }
        }
        return new StatsView(partitions, drives);
    }

    private StatsView.Partition partition(String name, List<StatsView.Drive> drives) {
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
        double writeRate = drives.stream().mapToDouble(StatsView.Drive::writeBytesPerSec).sum();
        double readRate = drives.stream().mapToDouble(StatsView.Drive::readBytesPerSec).sum();
        return new StatsView.Partition(name, written, read, writeRate, readRate, ratio);
    }

    private List<StatsView.Drive> drives(String partition) {
        CatalogLibrary.PartitionHost host = library.host();
        List<DriveCounters> counters = host == null ? List.of() : host.drives(partition);
        List<StatsView.Drive> out = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < counters.size(); i++) {
            DriveCounters c = counters.get(i);
            long written = c.bytesWritten();
            long read = c.bytesRead();
            String key = partition + "/" + i;
            Sample before = previous.get(key);
            if (before == null || before.drive() != c) {
                before = new Sample(c, started, 0, 0); // a drive (re)started since: its counters began at 0
            }
            double seconds = Math.max((now - before.nanos()) / 1e9, 1e-3);
            out.add(new StatsView.Drive(partition, i, written, read, c.bytesStored(), c.blocksWritten(),
                    c.blocksRead(), (written - before.written()) / seconds, (read - before.read()) / seconds,
                    c.compressionRatio()));
            previous.put(key, new Sample(c, now, written, read));
        }
        return out;
    }
}
