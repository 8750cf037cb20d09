package org.vtl.scsi.ssc;

import java.util.ArrayList;
import java.util.List;

import org.vtl.cartridge.CartridgeStatistics;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.PartitionCapacity;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.spc.LogPage;
import org.vtl.scsi.spc.LogParameter;

/**
 * The tape drive's log pages, from the loaded cartridge's statistics and capacity: sequential access 0Ch
 * (SSC-5 8.2.2), volume statistics 17h with partition records (SSC-5 8.2.4), tape capacity 31h and data
 * compression 32h (IBM LTO SCSI Reference layouts, which LTFS and tapeinfo parse). Without a cartridge the
 * counters are zero.
 */
final class SscLogPages {

    private static final long MEGABYTE = 1_000_000L;
    private static final long MEBIBYTE = 1L << 20;

    private SscLogPages() {
    }

    static List<LogPage> pages(TapeDrive drive) {
        return List.of(LogPage.of(0x0C, 0, () -> sequentialAccess(drive)),
                LogPage.of(0x17, 0, () -> volumeStatistics(drive)),
                LogPage.of(0x31, 0, () -> tapeCapacity(drive)),
                LogPage.of(0x32, 0, () -> dataCompression(drive)));
    }

    private static MountedCartridge loaded(TapeDrive drive) {
        return drive.ready() ? drive.cartridge() : null;
    }

    private static CartridgeStatistics statistics(TapeDrive drive) {
        MountedCartridge c = loaded(drive);
        return c == null ? new CartridgeStatistics(0, 0, 0, 0, 0, 0, 0) : c.statistics();
    }

    /** SSC-5 Table 166. */
    static List<LogParameter> sequentialAccess(TapeDrive drive) {
        CartridgeStatistics s = statistics(drive);
        MountedCartridge c = loaded(drive);
        long toEarlyWarning = c == null ? 0 : c.capacity(c.position().partition()).earlyWarning() / MEBIBYTE;
        return List.of(LogParameter.counter(0x0000, s.bytesWrittenNative(), 8),
                LogParameter.counter(0x0001, s.bytesWrittenStored(), 8),
                LogParameter.counter(0x0002, s.bytesReadStored(), 8),
                LogParameter.counter(0x0003, s.bytesReadNative(), 8),
                LogParameter.counter(0x0004, toEarlyWarning, 8),
                LogParameter.counter(0x0100, 0, 8)); // cleaning required: never
    }

    /** SSC-5 Table 173: mounts, errors, barcode, protection, and per-partition capacity records in MB. */
    static List<LogParameter> volumeStatistics(TapeDrive drive) {
        MountedCartridge c = loaded(drive);
        CartridgeStatistics s = statistics(drive);
        List<LogParameter> out = new ArrayList<>();
        out.add(LogParameter.counter(0x0000, c == null ? 0 : 1, 1)); // PAGE VALID
        out.add(LogParameter.counter(0x0001, s.loadCount(), 4)); // THREAD COUNT (volume mounts)
        out.add(LogParameter.counter(0x0003, 0, 4)); // recovered write errors
        out.add(LogParameter.counter(0x0004, 0, 4)); // unrecovered write errors
        out.add(LogParameter.counter(0x0008, s.readErrorsCorrected(), 4));
        out.add(LogParameter.counter(0x0009, s.readErrorsUncorrected(), 4));
        if (c != null) {
            out.add(LogParameter.ascii(0x0040, c.info().barcode(), 32)); // VOLUME SERIAL NUMBER
            out.add(LogParameter.counter(0x0080, c.info().writeProtected() ? 1 : 0, 1));
            out.add(LogParameter.counter(0x0081, c.info().worm() ? 1 : 0, 1));
            out.add(partitionRecords(0x0202, c, PartitionCapacity::total));
            out.add(partitionRecords(0x0203, c, p -> p.total() - p.remaining()));
            out.add(partitionRecords(0x0204, c, PartitionCapacity::remaining));
        }
        return out;
    }

    /** SSC-5 Table 175: per partition, length 7, reserved, partition number, 4-byte value in megabytes. */
    private static LogParameter partitionRecords(int code, MountedCartridge c,
                                                 java.util.function.ToLongFunction<PartitionCapacity> value) {
        int n = c.partitionCount();
        byte[] v = new byte[8 * n];
        for (int p = 0; p < n; p++) {
            v[8 * p] = 7;
            Cdb.put16(v, 8 * p + 2, p);
            Cdb.put32(v, 8 * p + 4, Math.min(value.applyAsLong(c.capacity(p)) / MEGABYTE, 0xFFFFFFFFL));
        }
        return new LogParameter(code, LogParameter.BINARY_LIST, v);
    }

    /** Remaining and maximum capacity of partitions 0 and 1 in megabytes (parameters 1-4). */
    static List<LogParameter> tapeCapacity(TapeDrive drive) {
        MountedCartridge c = loaded(drive);
        long[] remaining = new long[2];
        long[] maximum = new long[2];
        for (int p = 0; c != null && p < Math.min(2, c.partitionCount()); p++) {
            PartitionCapacity cap = c.capacity(p);
            remaining[p] = cap.remaining() / MEGABYTE;
            maximum[p] = cap.total() / MEGABYTE;
        }
        return List.of(LogParameter.counter(0x0001, remaining[0], 4), LogParameter.counter(0x0002, remaining[1], 4),
                LogParameter.counter(0x0003, maximum[0], 4), LogParameter.counter(0x0004, maximum[1], 4));
    }

    /**
     * Compression ratios x100 (read and write, from the cartridge's native and stored byte counts; 0 when
     * nothing moved yet) and byte counts split into MiB and remaining bytes.
     */
    static List<LogParameter> dataCompression(TapeDrive drive) {
        CartridgeStatistics s = statistics(drive);
        List<LogParameter> out = new ArrayList<>();
        out.add(LogParameter.counter(0x0000, ratio(s.bytesReadNative(), s.bytesReadStored()), 2));
        out.add(LogParameter.counter(0x0001, ratio(s.bytesWrittenNative(), s.bytesWrittenStored()), 2));
        long[] counts = {s.bytesReadNative(), s.bytesReadStored(), s.bytesWrittenNative(), s.bytesWrittenStored()};
        int code = 0x0002;
        for (long bytes : counts) {
            out.add(LogParameter.counter(code++, bytes / MEBIBYTE, 4));
            out.add(LogParameter.counter(code++, bytes % MEBIBYTE, 4));
        }
        return out;
    }

    static long ratio(long nativeBytes, long storedBytes) {
        return storedBytes == 0 ? 0 : nativeBytes * 100 / storedBytes;
    }
}
