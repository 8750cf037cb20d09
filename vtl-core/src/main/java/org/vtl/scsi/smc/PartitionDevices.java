package org.vtl.scsi.smc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.vtl.cartridge.CartridgeStore;
import org.vtl.library.LibraryStateStore;
import org.vtl.library.Partition;
import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.SerialNumber;
import org.vtl.scsi.spc.AbsentLogicalUnit;
import org.vtl.scsi.ssc.TapeDrive;

/**
 * The logical units of one library partition, as its iSCSI target exposes them: the changer on LUN 0 and
 * the drives on LUNs 1..n, with serial numbers derived from the appliance identity, the partition's element
 * state restored from the {@link LibraryStateStore}. {@link #unit(long)} answers every LUN, absent ones with
 * {@link AbsentLogicalUnit}.
 */
public final class PartitionDevices {

    private final MediaChanger changer;
    private final List<TapeDrive> drives;
    private final LunInventory luns;
    private final AbsentLogicalUnit absent;

    private PartitionDevices(MediaChanger changer, List<TapeDrive> drives, LunInventory luns) {
        this.changer = changer;
        this.drives = drives;
        this.luns = luns;
        this.absent = new AbsentLogicalUnit(luns);
    }

    /**
     * Builds the changer and drives of a partition.
     *
     * @param applianceId   persistent, unique appliance identifier (serial numbers derive from it)
     * @param name          partition name
     * @param changerId     changer identity and element-address convention
     * @param driveIds      one identity per drive, in data transfer element order
     * @param storageSlots  number of storage elements
     * @param mailSlots     number of import/export elements
     * @param cartridges    the partition's cartridges (only these can enter it)
     * @param state         element contents persistence
     * @param executor      runs the logical units' ordered queues; commands block on cartridge I/O, so this must
     *                      not be a transport's event loop (virtual threads suit it)
     */
    public static PartitionDevices create(String applianceId, String name, ChangerIdentity changerId,
                                          List<DriveIdentity> driveIds, int storageSlots, int mailSlots,
                                          CartridgeStore cartridges, LibraryStateStore state, Executor executor) {
        List<Long> lunList = new ArrayList<>();
        for (long lun = 0; lun <= driveIds.size(); lun++) {
            lunList.add(lun);
        }
        LunInventory luns = LunInventory.of(lunList);
        List<TapeDrive> drives = new ArrayList<>();
        for (int i = 0; i < driveIds.size(); i++) {
            drives.add(new TapeDrive(name + "-drive" + i, i + 1, luns, executor, driveIds.get(i),
                    SerialNumber.derive(applianceId, name, "drive" + i), cartridges));
        }
        Partition partition = new Partition(name, changerId.layout(driveIds.size(), storageSlots, mailSlots),
                barcode -> cartridges.find(barcode).isPresent());
        MediaChanger changer = new MediaChanger(name + "-changer", 0, luns, executor, changerId,
                SerialNumber.derive(applianceId, name, "changer"), partition, state, drives);
        return new PartitionDevices(changer, List.copyOf(drives), luns);
    }

    /** The element state the changer drives now (a resize replaces it). */
    public Partition partition() {
        return changer.partition();
    }

    public MediaChanger changer() {
        return changer;
    }

    public List<TapeDrive> drives() {
        return drives;
    }

    public LunInventory luns() {
        return luns;
    }

    /** The logical unit for a LUN: the changer (0), a drive (1..n), or the absent unit. */
    public LogicalUnit unit(long lun) {
        if (lun == 0) {
            return changer;
        }
        if (lun > 0 && lun <= drives.size()) {
            return drives.get((int) lun - 1);
        }
        return absent;
    }

    /** Flushes and releases every loaded cartridge; element contents stay as they are for the next start. */
    public void shutdown() {
        drives.forEach(TapeDrive::shutdown);
    }
}
