package org.vtl.cartridge.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStatistics;
import org.vtl.cartridge.MamAttributeIds;

/** Everything a {@link MemoryCartridgeStore} keeps about one cartridge. Guarded by the store's lock. */
final class MemoryCartridge {

    CartridgeInfo info;
    final List<MemoryPartition> partitions = new ArrayList<>();
    /** Host-written MAM attributes per partition. */
    final List<SortedMap<Integer, byte[]>> hostAttributes = new ArrayList<>();
    boolean mounted;

    long bytesWrittenNative;
    long bytesWrittenStored;
    long bytesReadNative;
    long bytesReadStored;
    long loadCount;

    MemoryCartridge(CartridgeInfo info) {
        this.info = info;
        formatInto(new long[] {info.nativeCapacity()});
        hostAttributes.getFirst().put(MamAttributeIds.BARCODE, MamAttributeIds.barcodeAttribute(info.barcode()));
    }

    /** Replaces all partitions by empty ones of these sizes; keeps host attributes of partitions that remain. */
    void formatInto(long[] sizes) {
        partitions.clear();
        for (long size : sizes) {
            partitions.add(new MemoryPartition(size));
        }
        while (hostAttributes.size() > sizes.length) {
            hostAttributes.removeLast();
        }
        while (hostAttributes.size() < sizes.length) {
            hostAttributes.add(new TreeMap<>());
        }
    }

    long storedBytes() {
        long sum = 0;
        for (MemoryPartition p : partitions) {
            sum += p.used();
        }
        return sum;
    }

    /** Logical objects recorded in all partitions (a WORM cartridge with any cannot be formatted). */
    long objectCount() {
        long sum = 0;
        for (MemoryPartition p : partitions) {
            sum += p.endOfData();
        }
        return sum;
    }

    CartridgeStatistics statistics() {
        return new CartridgeStatistics(bytesWrittenNative, bytesWrittenStored, bytesReadNative, bytesReadStored,
                loadCount, 0, 0);
    }
}
