package org.vtl.cartridge.log;

import org.vtl.cartridge.CartridgeStatistics;

/** The mounted cartridge's counters, persisted with each commit. */
final class Statistics {

    long bytesWrittenNative;
    long bytesWrittenStored;
    long bytesReadNative;
    long bytesReadStored;
    long loadCount;
    long readErrorsCorrected;
    long readErrorsUncorrected;
    boolean dirty;

    Statistics(CartridgeStatistics s) {
        bytesWrittenNative = s.bytesWrittenNative();
        bytesWrittenStored = s.bytesWrittenStored();
        bytesReadNative = s.bytesReadNative();
        bytesReadStored = s.bytesReadStored();
        loadCount = s.loadCount();
        readErrorsCorrected = s.readErrorsCorrected();
        readErrorsUncorrected = s.readErrorsUncorrected();
    }

    void written(long nativeBytes, long storedBytes) {
        bytesWrittenNative += nativeBytes;
        bytesWrittenStored += storedBytes;
        dirty = true;
    }

    void read(long nativeBytes, long storedBytes) {
        bytesReadNative += nativeBytes;
        bytesReadStored += storedBytes;
        dirty = true;
    }

    void readError() {
        readErrorsUncorrected++;
        dirty = true;
    }

    CartridgeStatistics snapshot() {
        return new CartridgeStatistics(bytesWrittenNative, bytesWrittenStored, bytesReadNative, bytesReadStored,
                loadCount, readErrorsCorrected, readErrorsUncorrected);
    }
}
