package org.vtl.scsi.ssc;

import java.util.concurrent.atomic.LongAdder;

import org.vtl.cartridge.CartridgeStatistics;
import org.vtl.cartridge.MountedCartridge;

/**
 * What one tape drive has moved since it started: bytes and blocks written and read by initiators (counted once
 * per READ/WRITE command, a few {@link LongAdder} increments, nothing allocated per block), and the bytes the
 * cartridges it wrote stored for them after compression. The stored side comes from the mounted cartridge's own
 * counters (the ones LOG SENSE 17h and 32h report): the part written while mounted here is taken at unload and,
 * for the cartridge still mounted, at each reading. Readers on any thread see monotonically growing totals; the
 * stored count may lag the host count by the blocks still in the compression engine.
 */
public final class DriveCounters {

    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder blocksWritten = new LongAdder();
    private final LongAdder blocksRead = new LongAdder();
    private final LongAdder nativeDone = new LongAdder();
    private final LongAdder storedDone = new LongAdder();
    private volatile MountedCartridge mounted;
    private volatile long nativeAtMount;
    private volatile long storedAtMount;

    void written(long bytes, long blocks) {
        if (blocks > 0) {
            bytesWritten.add(bytes);
            blocksWritten.add(blocks);
        }
    }

    void read(long bytes, long blocks) {
        if (bytes > 0 || blocks > 0) {
            bytesRead.add(bytes);
            blocksRead.add(blocks);
        }
    }

    /** A cartridge was mounted in the drive: its counters from now on are this drive's. */
    void mounted(MountedCartridge cartridge) {
        CartridgeStatistics s = cartridge.statistics();
        nativeAtMount = s.bytesWrittenNative();
        storedAtMount = s.bytesWrittenStored();
        mounted = cartridge;
    }

    /** The cartridge leaves the drive: what it stored while here becomes part of the drive's total. */
    void unmounting(MountedCartridge cartridge) {
        if (mounted != cartridge) {
            return;
        }
        CartridgeStatistics s = cartridge.statistics();
        mounted = null;
        nativeDone.add(s.bytesWrittenNative() - nativeAtMount);
        storedDone.add(s.bytesWrittenStored() - storedAtMount);
    }

    /** Bytes initiators wrote through WRITE commands that the drive accepted. */
    public long bytesWritten() {
        return bytesWritten.sum();
    }

    /** Bytes returned to initiators by READ commands. */
    public long bytesRead() {
        return bytesRead.sum();
    }

    /** Data blocks written. */
    public long blocksWritten() {
        return blocksWritten.sum();
    }

    /** Data blocks read (including a short or long block returned with ILI). */
    public long blocksRead() {
        return blocksRead.sum();
    }

    /** Bytes stored for what this drive wrote, after compression. */
    public long bytesStored() {
        return storedDone.sum() + live(false);
    }

    /** Native bytes the cartridges accounted for what this drive wrote (the numerator of the ratio). */
    public long bytesStoredNative() {
        return nativeDone.sum() + live(true);
    }

    /** Native per stored byte of what this drive wrote; 1.0 before anything is stored. */
    public double compressionRatio() {
        long stored = bytesStored();
        return stored == 0 ? 1.0 : (double) bytesStoredNative() / stored;
    }

    private long live(boolean nativeBytes) {
        MountedCartridge c = mounted;
        if (c == null) {
            return 0;
        }
        CartridgeStatistics s = c.statistics();
        return nativeBytes ? s.bytesWrittenNative() - nativeAtMount : s.bytesWrittenStored() - storedAtMount;
    }
}
