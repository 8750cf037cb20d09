package org.vtl.scsi.smc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import org.vtl.cartridge.CartridgeStore;
import org.vtl.library.LibraryStateStore;
import org.vtl.library.Partition;
import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.SerialNumber;
import org.vtl.scsi.spc.AbsentLogicalUnit;
import org.vtl.scsi.spc.SpcLogicalUnit;
import org.vtl.scsi.ssc.TapeDrive;

/**
 * The logical units of one library partition, as its iSCSI target exposes them: the changer on LUN 0 and
 * the drives on LUNs 1..n, with serial numbers derived from the appliance identity, the partition's element
 * state restored from the {@link LibraryStateStore}. {@link #unit(long)} answers every LUN, absent ones with
 * {@link AbsentLogicalUnit}. Drives are added and removed at the end while the partition runs
 * ({@link #addDrive}, {@link #removeLastDrive}): the other units stay, and every unit reports REPORTED LUNS DATA
 * HAS CHANGED (SPC-5 6.33) to the nexuses it knows.
 */
public final class PartitionDevices {

    private final String applianceId;
    private final String name;
    private final CartridgeStore cartridges;
    private final Executor executor;
    private volatile List<TapeDrive> drives = List.of();
    private volatile List<Long> lunList = List.of(0L);
    private final LunInventory luns = () -> lunList;
    private final AbsentLogicalUnit absent = new AbsentLogicalUnit(luns);
    private MediaChanger changer;

    private PartitionDevices(String applianceId, String name, CartridgeStore cartridges, Executor executor) {
        this.applianceId = applianceId;
        this.name = name;
        this.cartridges = cartridges;
        this.executor = executor;
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
        PartitionDevices d = new PartitionDevices(applianceId, name, cartridges, executor);
        List<TapeDrive> drives = new ArrayList<>();
        for (int i = 0; i < driveIds.size(); i++) {
            drives.add(d.drive(i, driveIds.get(i)));
        }
        d.drives = List.copyOf(drives);
        d.lunList = lunsFor(drives.size());
        Partition partition = new Partition(name, changerId.layout(driveIds.size(), storageSlots, mailSlots),
                barcode -> cartridges.find(barcode).isPresent());
        d.changer = new MediaChanger(name + "-changer", 0, d.luns, executor, changerId,
                SerialNumber.derive(applianceId, name, "changer"), partition, state, drives);
        return d;
    }

    private TapeDrive drive(int index, DriveIdentity identity) {
        return new TapeDrive(name + "-drive" + index, index + 1, luns, executor, identity,
                SerialNumber.derive(applianceId, name, "drive" + index), cartridges);
    }

    private static List<Long> lunsFor(int drives) {
        List<Long> out = new ArrayList<>();
        for (long lun = 0; lun <= drives; lun++) {
            out.add(lun);
        }
        return List.copyOf(out);
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
        List<TapeDrive> current = drives;
        if (lun == 0) {
            return changer;
        }
        if (lun > 0 && lun <= current.size()) {
            return current.get((int) lun - 1);
        }
        return absent;
    }

    /**
     * Adds a drive after the last one, on the next LUN, while the partition runs; {@code rebuild} persists and
     * returns the element state with the extra data transfer element (see {@link MediaChanger#reconfigure}).
     */
    public synchronized TapeDrive addDrive(DriveIdentity identity, UnaryOperator<Partition> rebuild) {
        List<TapeDrive> next = new ArrayList<>(drives);
        TapeDrive added = drive(next.size(), identity);
        next.add(added);
        changer.reconfigure(rebuild, next);
        drives = List.copyOf(next);
        lunList = lunsFor(next.size());
        lunsChanged();
        return added;
    }

    /**
     * Removes the last drive while the partition runs; {@code rebuild} persists and returns the element state
     * without its element (having placed a cartridge it held in a slot). The cartridge is then flushed and released.
     */
    public synchronized void removeLastDrive(UnaryOperator<Partition> rebuild) {
        List<TapeDrive> next = new ArrayList<>(drives);
        TapeDrive removed = next.removeLast();
        changer.reconfigure(rebuild, next);
        drives = List.copyOf(next);
        lunList = lunsFor(next.size());
        removed.shutdown();
        lunsChanged();
    }

    private void lunsChanged() {
        List<SpcLogicalUnit> units = new ArrayList<>(drives);
        units.add(changer);
        for (SpcLogicalUnit u : units) {
            u.unitAttentions().raise(SenseCode.REPORTED_LUNS_DATA_HAS_CHANGED, null);
        }
    }

    /** Flushes and releases every loaded cartridge; element contents stay as they are for the next start. */
    public void shutdown() {
        drives.forEach(TapeDrive::shutdown);
    }
}
