package org.vtl.cartridge.log;

import org.vtl.catalog.PartitionState;

/** The state of the partition being used, ahead of the catalog by whatever is not yet committed. */
final class LiveState {

    long size;
    long endOfData;
    long filemarks;
    long nativeBytes;
    long storedBytes;
    long nextSequence;

    LiveState(PartitionState s) {
        size = s.size();
        endOfData = s.endOfData();
        filemarks = s.filemarks();
        nativeBytes = s.nativeBytes();
        storedBytes = s.storedBytes();
        nextSequence = s.nextSequence();
    }

    PartitionState toState() {
        return new PartitionState(size, endOfData, filemarks, nativeBytes, storedBytes, nextSequence);
    }
}
