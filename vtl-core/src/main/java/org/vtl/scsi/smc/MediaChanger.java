package org.vtl.scsi.smc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.library.Element;
import org.vtl.library.ElementChange;
import org.vtl.library.ElementType;
import org.vtl.library.LibraryError;
import org.vtl.library.LibraryException;
import org.vtl.library.LibraryStateStore;
import org.vtl.library.Partition;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.spc.InquiryData;
import org.vtl.scsi.spc.ModePage;
import org.vtl.scsi.spc.SpcCommands;
import org.vtl.scsi.spc.SpcLogicalUnit;
import org.vtl.scsi.spc.TapeAlertFlags;

/**
 * The media changer logical unit of one library partition (SMC-3): its element state is the partition,
 * persisted through the {@link LibraryStateStore} atomically per move; moving a cartridge into or out of
 * a drive really loads or unloads it in that drive's logical unit. Restart restores the elements and
 * remounts cartridges that were in drives.
 *
 * <p>The admin methods ({@link #importCartridge}, {@link #removeFromImportExport}, {@link #addToStorage},
 * {@link #inventory}) are what the CLI layer calls; they are serialized with SCSI commands.
 */
public final class MediaChanger extends SpcLogicalUnit {

    private static final Logger LOG = LoggerFactory.getLogger(MediaChanger.class);

    private final ChangerIdentity identity;
    private final InquiryData inquiryData;
    /** Replaced only by {@link #resize}, under the state lock; volatile for the admin layer's readers. */
    private volatile Partition partition;
    private final LibraryStateStore store;
    /** Replaced only by {@link #reconfigure}, under the state lock. */
    private volatile List<? extends TransferDevice> drives;
    private final TapeAlertFlags tapeAlert = new TapeAlertFlags();

    /**
     * @param drives the drive logical units in data transfer element order; their number must match the layout
     */
    public MediaChanger(String name, long lun, LunInventory lunInventory, Executor executor, ChangerIdentity identity,
                        String serial, Partition partition, LibraryStateStore store,
                        List<? extends TransferDevice> drives) {
        super(name, lun, lunInventory, executor);
        if (drives.size() != partition.layout().dataTransferCount()) {
            throw new IllegalArgumentException("partition " + partition.name() + " has "
                    + partition.layout().dataTransferCount() + " drive elements, got " + drives.size() + " drives");
        }
        this.identity = identity;
        this.inquiryData = new InquiryData(0x08, false, identity.vendor(), identity.product(), identity.revision(),
                serial, false, new int[] {InquiryData.SAM_5, InquiryData.SPC_4, InquiryData.SMC_3, InquiryData.ISCSI});
        this.partition = partition;
        this.store = store;
        this.drives = List.copyOf(drives);
        modePages().addAll(SmcModePages.pages(partition.layout()));
        logPages().add(tapeAlert);
        install(SmcCommands.addTo(SpcCommands.table(this), this).build());
        restore();
    }

    private void restore() {
        partition.restore(store.load(partition.name()));
        for (Element e : partition.elements(ElementType.DATA_TRANSFER)) {
            if (e.full()) {
                try {
                    drives.get(partition.driveIndex(e.address())).insert(e.barcode());
                } catch (RuntimeException ex) {
                    LOG.error("partition {}: could not remount {} in drive element {}", partition.name(),
                            e.barcode(), e.address(), ex);
                }
            }
        }
    }

    @Override
    public InquiryData inquiryData() {
        return inquiryData;
    }

    public ChangerIdentity identity() {
        return identity;
    }

    public Partition partition() {
        return partition;
    }

    List<? extends TransferDevice> drives() {
        return drives;
    }

    public TapeAlertFlags tapeAlert() {
        return tapeAlert;
    }

    /** MOVE MEDIUM: plans, unloads/loads drives, commits, applies (SMC-3 6.6). */
    void move(int source, int destination) {
        List<ElementChange> changes = plan(() -> partition.planMove(source, destination));
        if (changes.isEmpty()) {
            return;
        }
        String barcode = partition.element(source).orElseThrow().barcode();
        execute(changes, List.of(new Transfer(source, destination, barcode)));
    }

    /** EXCHANGE MEDIUM (SMC-3 6.3). */
    void exchange(int source, int first, int second) {
        List<ElementChange> changes = plan(() -> partition.planExchange(source, first, second));
        String a = partition.element(source).orElseThrow().barcode();
        String b = partition.element(first).orElseThrow().barcode();
        List<Transfer> transfers = source == first ? List.of(new Transfer(source, second, a))
                : List.of(new Transfer(first, second, b), new Transfer(source, first, a));
        execute(changes, transfers);
    }

    private record Transfer(int from, int to, String barcode) {
    }

    private void execute(List<ElementChange> changes, List<Transfer> transfers) {
        List<Runnable> undo = new ArrayList<>();
        try {
            for (Transfer t : transfers) {
                TransferDevice from = drive(t.from());
                if (from != null) {
                    from.remove();
                    undo.add(0, () -> from.insert(t.barcode()));
                }
                TransferDevice to = drive(t.to());
                if (to != null) {
                    to.insert(t.barcode());
                    undo.add(0, to::remove);
                }
            }
            store.commit(partition.name(), changes);
        } catch (RuntimeException e) {
            for (Runnable u : undo) {
                try {
                    u.run();
                } catch (RuntimeException again) {
                    LOG.error("partition {}: could not undo a drive transfer", partition.name(), again);
                }
            }
            throw e;
        }
        partition.apply(changes);
    }

    private TransferDevice drive(int address) {
        int index = partition.driveIndex(address);
        return index < 0 ? null : drives.get(index);
    }

    /** Checks an element address of this partition; 0 as transport means the default transport. */
    void checkAddress(int address, boolean transport) {
        if (transport && address == 0) {
            return;
        }
        ElementType type = partition.layout().typeOf(address);
        if (type == null || transport && type != ElementType.MEDIUM_TRANSPORT) {
            throw ScsiException.of(SenseCode.INVALID_ELEMENT_ADDRESS);
        }
    }

    @FunctionalInterface
    private interface Planner {
        List<ElementChange> plan() throws LibraryException;
    }

    private static List<ElementChange> plan(Planner p) {
        try {
            return p.plan();
        } catch (LibraryException e) {
            throw ScsiException.of(senseOf(e.error()));
        }
    }

    static SenseCode senseOf(LibraryError error) {
        return switch (error) {
            case INVALID_ADDRESS -> SenseCode.INVALID_ELEMENT_ADDRESS;
            case SOURCE_EMPTY -> SenseCode.MEDIUM_SOURCE_ELEMENT_EMPTY;
            case DESTINATION_FULL, NO_FREE_ELEMENT -> SenseCode.MEDIUM_DESTINATION_ELEMENT_FULL;
            case NOT_ACCESSIBLE -> SenseCode.MEDIUM_MAGAZINE_NOT_ACCESSIBLE;
            case UNKNOWN_CARTRIDGE, DUPLICATE_CARTRIDGE -> SenseCode.INCOMPATIBLE_MEDIUM_INSTALLED;
        };
    }

    // ---- admin operations (CLI layer) ----

    /** Every element and its content, ascending by address. */
    public List<Element> inventory() {
        return partition.elements();
    }

    /**
     * The operator puts a cartridge of this partition into the first free import/export slot; initiators get
     * UNIT ATTENTION, IMPORT OR EXPORT ELEMENT ACCESSED (28h/01h). Returns the slot's address.
     */
    public int importCartridge(String barcode) throws LibraryException {
        stateLock.lock();
        try {
            int address = partition.firstEmpty(ElementType.IMPORT_EXPORT).orElseThrow(
                    () -> new LibraryException(LibraryError.NO_FREE_ELEMENT, "no free import/export slot"));
            commitAdmin(partition.planInsert(address, barcode), SenseCode.IMPORT_OR_EXPORT_ELEMENT_ACCESSED);
            return address;
        } finally {
            stateLock.unlock();
        }
    }

    /** The operator takes the cartridge out of an import/export slot (export completes). Returns its barcode. */
    public String removeFromImportExport(int address) throws LibraryException {
        stateLock.lock();
        try {
            List<ElementChange> changes = partition.planRemove(address);
            String barcode = partition.element(address).orElseThrow().barcode();
            commitAdmin(changes, SenseCode.IMPORT_OR_EXPORT_ELEMENT_ACCESSED);
            return barcode;
        } finally {
            stateLock.unlock();
        }
    }

    /** Places a new cartridge of this partition directly in the first free storage slot. Returns the address. */
    public int addToStorage(String barcode) throws LibraryException {
        stateLock.lock();
        try {
            int address = partition.firstEmpty(ElementType.STORAGE).orElseThrow(
                    () -> new LibraryException(LibraryError.NO_FREE_ELEMENT, "no free storage slot"));
            commitAdmin(partition.planInsert(address, barcode), SenseCode.NOT_READY_TO_READY_CHANGE);
            return address;
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Takes a cartridge out of the library (admin: the cartridge is deleted or moved to another partition). It must
     * be in a storage or import/export slot, not in a drive. Initiators get 28h/00h.
     */
    public void removeCartridge(String barcode) throws LibraryException {
        stateLock.lock();
        try {
            int address = partition.find(barcode).orElseThrow(
                    () -> new LibraryException(LibraryError.UNKNOWN_CARTRIDGE, barcode + " is not in the library"));
            commitAdmin(partition.planRemove(address), SenseCode.NOT_READY_TO_READY_CHANGE);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Moves a cartridge from its storage slot to the first free import/export slot, where the operator can take it
     * (admin-initiated export). Initiators get 28h/01h. Returns the import/export slot's address.
     */
    public int exportToImportExport(String barcode) throws LibraryException {
        stateLock.lock();
        try {
            int from = partition.find(barcode).orElseThrow(
                    () -> new LibraryException(LibraryError.UNKNOWN_CARTRIDGE, barcode + " is not in the library"));
            if (partition.layout().typeOf(from) != ElementType.STORAGE) {
                throw new LibraryException(LibraryError.NOT_ACCESSIBLE, barcode + " is not in a storage slot");
            }
            int to = partition.firstEmpty(ElementType.IMPORT_EXPORT).orElseThrow(
                    () -> new LibraryException(LibraryError.NO_FREE_ELEMENT, "no free import/export slot"));
            commitAdmin(partition.planMove(from, to), SenseCode.IMPORT_OR_EXPORT_ELEMENT_ACCESSED);
            return to;
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * An operator change to the inventory that the admin layer plans and persists itself (with its own records, in
     * one catalog batch): {@code change} runs under the changer's lock, so no MOVE MEDIUM interleaves between its
     * plan and its commit; the changes it returns are then applied and every other I_T nexus gets {@code attention}
     * (nothing when it changed nothing). What {@code change} throws propagates and nothing is applied.
     */
    public void changeInventory(InventoryChange change, SenseCode attention) {
        stateLock.lock();
        try {
            List<ElementChange> changes = change.commit(partition);
            if (!changes.isEmpty()) {
                partition.apply(changes);
                unitAttentions().raise(attention, null);
            }
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * The operator resized the library (storage or import/export slots; the drives stay): {@code rebuild} gets the
     * current element state under the changer's lock and returns the new one, with the same contents, after
     * persisting it. The logical unit stays, so sessions keep their nexus; the element address assignment page
     * follows the new layout and every other I_T nexus gets MODE PARAMETERS CHANGED then NOT READY TO READY CHANGE
     * (see package-info). What {@code rebuild} throws propagates and nothing changes.
     */
    public void resize(UnaryOperator<Partition> rebuild) {
        reconfigure(rebuild, drives);
    }

    /**
     * As {@link #resize}, with drives added or removed: {@code newDrives} are the drive logical units of the new
     * layout in data transfer element order (a removed drive's cartridge was placed elsewhere by {@code rebuild}).
     */
    public void reconfigure(UnaryOperator<Partition> rebuild, List<? extends TransferDevice> newDrives) {
        stateLock.lock();
        try {
            Partition next = rebuild.apply(partition);
            if (next.layout().dataTransferCount() != newDrives.size()) {
                throw new IllegalArgumentException("partition " + next.name() + " has "
                        + next.layout().dataTransferCount() + " drive elements, got " + newDrives.size() + " drives");
            }
            partition = next;
            drives = List.copyOf(newDrives);
            List<ModePage> pages = SmcModePages.pages(next.layout());
            modePages().replaceAll(old -> pages.stream().filter(p -> p.pageCode() == old.pageCode()).findFirst()
                    .orElse(old));
            unitAttentions().raise(SenseCode.MODE_PARAMETERS_CHANGED, null);
            unitAttentions().raise(SenseCode.NOT_READY_TO_READY_CHANGE, null);
        } finally {
            stateLock.unlock();
        }
    }

    /** Plans element changes on the live partition and persists them; see {@link #changeInventory}. */
    @FunctionalInterface
    public interface InventoryChange {
        List<ElementChange> commit(Partition partition);
    }

    private void commitAdmin(List<ElementChange> changes, SenseCode attention) {
        store.commit(partition.name(), changes);
        partition.apply(changes);
        unitAttentions().raise(attention, null);
    }
}
