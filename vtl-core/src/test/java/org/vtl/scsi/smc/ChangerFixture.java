package org.vtl.scsi.smc;

import java.util.List;
import java.util.Set;

import org.vtl.library.LibraryStateStore;
import org.vtl.library.Partition;
import org.vtl.library.memory.MemoryLibraryStateStore;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.identity.ChangerIdentity;

/** An IBM 3584 style partition: picker 0001h, drives 0101h-0102h, mail 0300h-0301h, storage 0400h-0405h. */
final class ChangerFixture {

    static final Set<String> CARTRIDGES = Set.of("ABC001L8", "ABC002L8", "ABC003L8", "ABC004L8", "CLN001L1");

    final MemoryLibraryStateStore store;
    final FakeDrive drive0 = new FakeDrive("SN00000001");
    final FakeDrive drive1 = new FakeDrive("SN00000002");
    final MediaChanger changer;

    ChangerFixture() {
        this(new MemoryLibraryStateStore(), "default", CARTRIDGES);
    }

    ChangerFixture(MemoryLibraryStateStore store, String name, Set<String> cartridges) {
        this.store = store;
        this.changer = changer(store, name, cartridges, drive0, drive1);
    }

    static MediaChanger changer(LibraryStateStore store, String name, Set<String> cartridges, FakeDrive... drives) {
        ChangerIdentity id = ChangerIdentity.ibm3584();
        Partition p = new Partition(name, id.layout(drives.length, 6, 2), cartridges::contains);
        return new MediaChanger(name + "-changer", 0, LunInventory.of(List.of(0L, 1L, 2L)), Runnable::run, id,
                "CHG0000001", p, store, List.of(drives));
    }
}
