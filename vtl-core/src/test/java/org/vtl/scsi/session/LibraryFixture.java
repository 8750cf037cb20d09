package org.vtl.scsi.session;

import java.util.ArrayList;
import java.util.List;

import org.vtl.cartridge.memory.MemoryCartridgeStore;
import org.vtl.library.LibraryException;
import org.vtl.library.LibraryStateStore;
import org.vtl.library.Partition;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;
import org.vtl.scsi.identity.SerialNumber;
import org.vtl.scsi.smc.MediaChanger;
import org.vtl.scsi.ssc.TapeDrive;

/**
 * One library partition as the appliance wires it: changer on LUN 0, two IBM LTO-8 drives on LUNs 1 and 2,
 * 6 storage slots and 2 mail slots, over an in-memory cartridge store and library state store.
 */
final class LibraryFixture {

    final String name;
    final MemoryCartridgeStore cartridges;
    final LibraryStateStore state;
    final ChangerIdentity identity;
    final List<TapeDrive> drives = new ArrayList<>();
    final MediaChanger changer;

    LibraryFixture(String name, ChangerIdentity identity, MemoryCartridgeStore cartridges, LibraryStateStore state) {
        this.name = name;
        this.identity = identity;
        this.cartridges = cartridges;
        this.state = state;
        LunInventory luns = LunInventory.of(List.of(0L, 1L, 2L));
        for (int i = 0; i < 2; i++) {
            drives.add(new TapeDrive(name + "-drive" + i, i + 1, luns, Runnable::run,
                    DriveIdentity.ibm(LtoGeneration.LTO8), SerialNumber.derive("appliance-1", name, "drive" + i),
                    cartridges));
        }
        Partition partition = new Partition(name, identity.layout(2, 6, 2), b -> cartridges.find(b).isPresent());
        changer = new MediaChanger(name + "-changer", 0, luns, Runnable::run, identity,
                SerialNumber.derive("appliance-1", name, "changer"), partition, state, drives);
    }

    /** Adds cartridges to the store and to the first free slots. */
    LibraryFixture withCartridges(String... barcodes) throws LibraryException {
        for (String b : barcodes) {
            cartridges.add(b);
            changer.addToStorage(b);
        }
        return this;
    }

    /** Stops the drives (flush and release cartridges), as the appliance does at shutdown. */
    void shutdown() {
        drives.forEach(TapeDrive::shutdown);
    }
}
