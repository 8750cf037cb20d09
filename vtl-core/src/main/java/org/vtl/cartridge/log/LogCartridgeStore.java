package org.vtl.cartridge.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vtl.cartridge.Barcode;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.MamAttributeIds;
import org.vtl.cartridge.MediumError;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.catalog.CartridgeRecord;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.CatalogException;
import org.vtl.catalog.ExtentRecord;
import org.vtl.catalog.PartitionState;

/**
 * The cartridges of one library partition ({@code owner}) on the shared {@link CartridgeBackend}, persistent
 * in the catalog, with the partition's capacity quota in stored bytes. Thread-safe; each mounted cartridge is
 * used by one drive thread.
 */
public final class LogCartridgeStore implements CartridgeStore {

    private final CartridgeBackend backend;
    private final String owner;
    private final long quota;

    LogCartridgeStore(CartridgeBackend backend, String owner, long quota) {
        checkOwner(owner);
        this.backend = backend;
        this.owner = owner;
        this.quota = quota;
    }

    static void checkOwner(String owner) {
        if (owner.isEmpty() || owner.length() > 255 || !owner.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("owner must be 1..255 printable ASCII characters");
        }
    }

    public String owner() {
        return owner;
    }

    public long quota() {
        return quota;
    }

    /** Stored payload bytes of this library partition's cartridges. */
    public long storedBytes() {
        return backend.usage(owner);
    }

    /**
     * Adds a blank cartridge (one partition of its native capacity), durably. Nothing is allocated in the pool.
     *
     * @throws IllegalArgumentException for an invalid barcode, a suffix of another media type, a capacity out of
     *                                  range, or a barcode already in the catalog (of any library partition)
     */
    public CartridgeInfo add(CartridgeInfo info) {
        Barcode barcode = Barcode.of(info.barcode());
        if (barcode.mediaType() != info.mediaType()) {
            throw new IllegalArgumentException("barcode " + barcode + " is not " + info.mediaType() + " media");
        }
        if (info.nativeCapacity() < 1 || info.nativeCapacity() > info.mediaType().nativeCapacity()) {
            throw new IllegalArgumentException("capacity out of range for " + info.mediaType());
        }
        synchronized (backend) {
            if (backend.catalog().cartridge(info.barcode()).isPresent()) {
                throw new IllegalArgumentException("barcode already present: " + barcode);
            }
            long id = backend.allocateCartridgeId();
            SortedMap<Integer, byte[]> attrs = new TreeMap<>();
            attrs.put(MamAttributeIds.BARCODE, MamAttributeIds.barcodeAttribute(info.barcode()));
            try (CatalogBatch batch = backend.catalog().batch()) {
                batch.putCartridge(new CartridgeRecord(id, info, owner, 1))
                        .putPartition(id, 0, PartitionState.blank(info.nativeCapacity()))
                        .putAttributes(id, 0, attrs);
                backend.catalog().commit(batch, true);
            }
        }
        return info;
    }

    /** Adds a blank cartridge whose media type and WORM flag come from the barcode suffix, with full capacity. */
    public CartridgeInfo add(String barcode) {
        Barcode b = Barcode.of(barcode);
        return add(new CartridgeInfo(b.value(), b.mediaType(), b.worm(), false, b.mediaType().nativeCapacity()));
    }

    /** Sets or clears the write-protect tab; a mounted cartridge sees it at its next operation. */
    public void setWriteProtected(String barcode, boolean writeProtected) {
        synchronized (backend) {
            CartridgeRecord r = own(barcode).orElseThrow(() -> new IllegalArgumentException("no cartridge " + barcode));
            CartridgeInfo i = r.info();
            CartridgeInfo changed = new CartridgeInfo(i.barcode(), i.mediaType(), i.worm(), writeProtected,
                    i.nativeCapacity());
            try (CatalogBatch batch = backend.catalog().batch()) {
                batch.putCartridge(r.withInfo(changed));
                backend.catalog().commit(batch, true);
            }
            backend.infoChanged(changed);
        }
    }

    /** Deletes an unmounted cartridge, its index and frees its extents; false when absent or mounted. */
    public boolean remove(String barcode) {
        synchronized (backend) {
            Optional<CartridgeRecord> found = own(barcode);
            if (found.isEmpty() || !backend.tryMount(barcode)) {
                return false;
            }
            try {
                CartridgeRecord r = found.get();
                long stored = backend.storedBytes(r);
                List<ExtentRecord> freed = new ArrayList<>();
                try (CatalogBatch batch = backend.catalog().batch()) {
                    for (int p = 0; p < r.partitionCount(); p++) {
                        Extents.dropFrom(backend.catalog(), batch, r.id(), p, 0, freed);
                    }
                    batch.deleteCartridge(barcode, r.id());
                    backend.catalog().commit(batch, true);
                }
                backend.free(freed);
                backend.addUsage(owner, -stored);
                return true;
            } finally {
                backend.unmount(barcode);
            }
        }
    }

    /** Barcodes of this library partition's cartridges, in order. */
    public List<String> barcodes() {
        List<String> out = new ArrayList<>();
        for (CartridgeRecord r : backend.catalog().cartridges()) {
            if (r.owner().equals(owner)) {
                out.add(r.info().barcode());
            }
        }
        return out;
    }

    @Override
    public Optional<CartridgeInfo> find(String barcode) {
        return own(barcode).map(CartridgeRecord::info);
    }

    @Override
    public MountedCartridge mount(String barcode) throws MediumException {
        Optional<CartridgeRecord> found;
        try {
            found = own(barcode);
        } catch (CatalogException e) {
            throw new MediumException(MediumError.STORAGE_FAILURE, "catalog read failed", e);
        }
        if (found.isEmpty()) {
            throw new MediumException(MediumError.NOT_AVAILABLE, "no cartridge " + barcode + " in " + owner);
        }
        if (!backend.tryMount(barcode)) {
            throw new MediumException(MediumError.NOT_AVAILABLE, "cartridge " + barcode + " is mounted elsewhere");
        }
        try {
            return LogMountedCartridge.mount(backend, this, found.get());
        } catch (MediumException | RuntimeException e) {
            backend.unmount(barcode);
            throw e;
        }
    }

    private Optional<CartridgeRecord> own(String barcode) {
        if (!Barcode.isValid(barcode)) {
            return Optional.empty();
        }
        return backend.catalog().cartridge(barcode).filter(r -> r.owner().equals(owner));
    }
}
