package org.vtl.appliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vtl.admin.ApiException;
import org.vtl.admin.CartridgeFilter;
import org.vtl.admin.CartridgeService;
import org.vtl.admin.CartridgeView;
import org.vtl.admin.JobProgress;
import org.vtl.cartridge.Barcode;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.MamAttributeIds;
import org.vtl.cartridge.MediaType;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.log.LogCartridgeStore;
import org.vtl.catalog.Catalog;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.CartridgeRecord;
import org.vtl.catalog.PartitionState;
import org.vtl.config.CartridgeRange;
import org.vtl.config.LtoGeneration;
import org.vtl.config.PartitionConfig;
import org.vtl.library.Element;
import org.vtl.library.ElementChange;
import org.vtl.library.ElementContent;
import org.vtl.library.ElementType;
import org.vtl.library.Partition;
import org.vtl.scsi.SenseCode;

/**
 * Cartridges in the catalog, in the cartridge layer's own format ({@link CartridgeRecord} with a blank medium
 * partition and the barcode MAM attribute, as {@code LogCartridgeStore.add} writes them), placed in the
 * partitions' elements in the same synced batch. The vault shelf is the owner {@value #VAULT}.
 * Thread-safe: changes run under the library's lock.
 */
final class CatalogCartridges implements CartridgeService {

    /** Owner of cartridges on the vault shelf (exported, or left by a deleted partition). */
    static final String VAULT = "";

    private final CatalogLibrary library;
    private final Catalog catalog;

    CatalogCartridges(CatalogLibrary library) {
        this.library = library;
        this.catalog = library.catalog;
    }

    @Override
    public List<CartridgeView> list(CartridgeFilter filter) {
        synchronized (library) {
            return catalog.cartridges().stream().map(this::view).filter(filter::matches).toList();
        }
    }

    @Override
    public CartridgeView cartridge(String barcode) {
        synchronized (library) {
            return view(record(barcode));
        }
    }

    @Override
    public List<CartridgeView> create(String partition, CartridgeRange range, JobProgress progress) {
        synchronized (library) {
            PartitionConfig p = library.definition(partition);
            List<String> barcodes = range.expand();
            progress.total(barcodes.size());
            library.changeInventory(partition, SenseCode.NOT_READY_TO_READY_CHANGE, live -> {
                try (CatalogBatch batch = catalog.batch()) {
                    List<ElementChange> placed = add(batch, partition, range, barcodes,
                            free(live, barcodes.size(), p.slots()), progress);
                    catalog.commit(batch, true);
                    return placed;
                }
            });
            return barcodes.stream().map(b -> view(record(b))).toList();
        }
    }

    /** In a partition-creation batch: the configured cartridges, in the first storage slots. */
    static List<ElementChange> seed(CatalogLibrary library, CatalogBatch batch, PartitionConfig p, Partition live) {
        List<ElementChange> placed = new ArrayList<>();
        int next = 0;
        for (CartridgeRange range : p.cartridges()) {
            List<String> barcodes = range.expand();
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < barcodes.size(); i++) {
                slots.add(live.layout().first(ElementType.STORAGE) + next++);
            }
            placed.addAll(new CatalogCartridges(library).put(batch, p.name(), range, barcodes, slots,
                    JobProgress.NONE));
        }
        return placed;
    }

    private List<ElementChange> add(CatalogBatch batch, String partition, CartridgeRange range, List<String> barcodes,
                                    List<Integer> slots, JobProgress progress) {
        return put(batch, partition, range, barcodes, slots, progress);
    }

    private List<ElementChange> put(CatalogBatch batch, String partition, CartridgeRange range, List<String> barcodes,
                                    List<Integer> slots, JobProgress progress) {
        MediaType media = MediaType.valueOf(range.media().name());
        long capacity = range.capacity() == null ? media.nativeCapacity() : range.capacity().bytes();
        List<ElementChange> placed = new ArrayList<>();
        long id = library.allocateCartridgeIds(barcodes.size());
        for (int i = 0; i < barcodes.size(); i++) {
            String barcode = barcodes.get(i);
            Optional<Barcode> label = Barcode.parse(barcode);
            if (label.isEmpty() || label.get().mediaType() != media) {
                throw ApiException.invalid(barcode + " is not an " + range.media() + " label: 6 to 8 characters A-Z, "
                        + "0-9 ending in " + range.media().barcodeSuffix() + " (or the WORM suffix)");
            }
            if (catalog.cartridge(barcode).isPresent()) {
                throw ApiException.conflict("cartridge " + barcode + " exists; vtl cartridge show " + barcode);
            }
            SortedMap<Integer, byte[]> attrs = new TreeMap<>();
            attrs.put(MamAttributeIds.BARCODE, MamAttributeIds.barcodeAttribute(barcode));
            CartridgeInfo info = new CartridgeInfo(barcode, media, range.worm() || label.get().worm(), false, capacity);
            batch.putCartridge(new CartridgeRecord(id++, info, partition, 1))
                    .putPartition(id - 1, 0, PartitionState.blank(capacity)).putAttributes(id - 1, 0, attrs);
            placed.add(new ElementChange(slots.get(i), new ElementContent(barcode, -1)));
            progress.advance(1);
        }
        CatalogLibraryStateStore.put(batch, partition, placed);
        return placed;
    }

    private static List<Integer> free(Partition live, int count, int slots) {
        List<Integer> free = new ArrayList<>();
        for (Element e : live.elements(ElementType.STORAGE)) {
            if (!e.full() && free.size() < count) {
                free.add(e.address());
            }
        }
        if (free.size() < count) {
            throw ApiException.conflict("partition " + live.name() + " has "
                    + ApiException.count(free.size(), "free storage slot") + " of " + slots + " for " + ApiException.count(count, "cartridge") + "; vtl slot resize adds slots");
        }
        return free;
    }

    @Override
    public CartridgeView importTo(String barcode, String partition) {
        synchronized (library) {
            CartridgeRecord r = record(barcode);
            library.definition(partition);
            if (!r.owner().equals(VAULT)) {
                throw ApiException.conflict("cartridge " + barcode + " is in partition " + r.owner()
                        + ", not on the vault shelf; export it first");
            }
            library.changeInventory(partition, SenseCode.IMPORT_OR_EXPORT_ELEMENT_ACCESSED, live -> {
                int slot = live.firstEmpty(ElementType.IMPORT_EXPORT).orElseThrow(() -> ApiException.conflict(
                        "partition " + partition + " has no free import/export slot; move a cartridge out of the "
                                + "mail slots or add some with vtl slot resize --mail-slots"));
                List<ElementChange> placed = List.of(new ElementChange(slot, new ElementContent(barcode, -1)));
                CatalogLibrary.PartitionHost host = library.host();
                if (host != null && !host.changeOwner(barcode, partition)) { // counts its bytes in the quota now
                    throw ApiException.conflict("cartridge " + barcode + " is in use; try again");
                }
                try (CatalogBatch batch = catalog.batch()) {
                    batch.putCartridge(new CartridgeRecord(r.id(), r.info(), partition, r.partitionCount()));
                    CatalogLibraryStateStore.put(batch, partition, placed);
                    catalog.commit(batch, true);
                }
                return placed;
            });
            return view(record(barcode));
        }
    }

    @Override
    public CartridgeView export(String barcode) {
        synchronized (library) {
            CartridgeRecord r = record(barcode);
            if (r.owner().equals(VAULT)) {
                throw ApiException.conflict("cartridge " + barcode + " is already on the vault shelf");
            }
            leaveInventory(barcode, r.owner(), removed -> {
                try (CatalogBatch batch = catalog.batch()) {
                    batch.putCartridge(new CartridgeRecord(r.id(), r.info(), VAULT, r.partitionCount()));
                    CatalogLibraryStateStore.put(batch, r.owner(), removed);
                    catalog.commit(batch, true);
                }
            });
            return view(record(barcode));
        }
    }

    /** Erases every medium partition from the beginning (frees its pool space); refused while loaded. */
    @Override
    public CartridgeView erase(String barcode, JobProgress progress) {
        synchronized (library) {
            CartridgeRecord r = record(barcode);
            LogCartridgeStore store = store(r);
            if (store == null) {
                requireBlank(r, "erased");
                return view(r);
            }
            progress.total(r.partitionCount());
            try (MountedCartridge m = store.mount(barcode)) {
                for (int p = r.partitionCount() - 1; p >= 0; p--) {
                    m.locate(p, 0);
                    m.erase();
                    progress.advance(1);
                }
            } catch (MediumException e) {
                throw ApiException.conflict("cannot erase " + barcode + ": " + e.getMessage());
            }
            return view(record(barcode));
        }
    }

    private LogCartridgeStore store(CartridgeRecord r) {
        CatalogLibrary.PartitionHost host = library.host();
        if (host == null) {
            return null;
        }
        return r.owner().equals(VAULT) ? host.vault() : host.store(r.owner());
    }

    @Override
    public void delete(String barcode) {
        synchronized (library) {
            CartridgeRecord r = record(barcode);
            LogCartridgeStore store = store(r);
            if (store == null) {
                requireBlank(r, "deleted");
            }
            java.util.function.Consumer<List<ElementChange>> commit = removed -> {
                if (store != null && !store.remove(barcode)) {
                    throw ApiException.conflict("cartridge " + barcode + " is in use by a drive; unload it first");
                }
                try (CatalogBatch batch = catalog.batch()) {
                    if (store == null) {
                        batch.deleteCartridge(barcode, r.id());
                    }
                    if (!removed.isEmpty()) {
                        CatalogLibraryStateStore.put(batch, r.owner(), removed);
                    }
                    catalog.commit(batch, true);
                }
            };
            if (r.owner().equals(VAULT)) {
                commit.accept(List.of());
            } else {
                leaveInventory(barcode, r.owner(), commit);
            }
        }
    }

    @Override
    public CartridgeView writeProtect(String barcode, boolean on) {
        synchronized (library) {
            CartridgeRecord r = record(barcode);
            CartridgeInfo i = r.info();
            try (CatalogBatch batch = catalog.batch()) {
                batch.putCartridge(r.withInfo(new CartridgeInfo(i.barcode(), i.mediaType(), i.worm(), on,
                        i.nativeCapacity())));
                catalog.commit(batch, true);
            }
            return view(record(barcode));
        }
    }

    /**
     * Takes a cartridge out of its partition's inventory (the element changes go to {@code commit} with the caller's
     * other records); refused while it is in a drive. The initiators see IMPORT OR EXPORT ELEMENT ACCESSED when it
     * left a mail slot and NOT READY TO READY CHANGE when it left a storage slot, as a library does after its door
     * was opened.
     */
    private void leaveInventory(String barcode, String owner,
                                java.util.function.Consumer<List<ElementChange>> commit) {
        Optional<Partition> current = library.live(owner);
        boolean mailSlot = current.flatMap(p -> p.find(barcode))
                .map(a -> current.get().layout().typeOf(a) == ElementType.IMPORT_EXPORT).orElse(false);
        library.changeInventory(owner, mailSlot ? SenseCode.IMPORT_OR_EXPORT_ELEMENT_ACCESSED
                : SenseCode.NOT_READY_TO_READY_CHANGE, live -> {
                    Optional<Integer> at = live.find(barcode);
                    if (at.isPresent() && live.layout().typeOf(at.get()) == ElementType.DATA_TRANSFER) {
                        throw ApiException.conflict("cartridge " + barcode + " is loaded in a drive of " + owner
                                + "; unload it first");
                    }
                    List<ElementChange> removed = at.map(a -> List.of(new ElementChange(a, null))).orElse(List.of());
                    commit.accept(removed);
                    return removed;
                });
    }

    /**
     * Erasing or deleting written data frees its extents through the cartridge log, which this appliance does not
     * run yet; a blank cartridge has nothing to free.
     */
    private void requireBlank(CartridgeRecord r, String what) {
        for (int p = 0; p < r.partitionCount(); p++) {
            if (catalog.partition(r.id(), p).endOfData() > 0) {
                throw ApiException.unavailable("cartridges with data to be " + what,
                        "the cartridge log that frees their pool space");
            }
        }
    }

    private CartridgeRecord record(String barcode) {
        return catalog.cartridge(barcode).orElseThrow(() -> ApiException.notFound("no cartridge " + barcode
                + "; vtl cartridge list shows them"));
    }

    private CartridgeView view(CartridgeRecord r) {
        CartridgeInfo i = r.info();
        long written = 0;
        long stored = 0;
        for (int p = 0; p < r.partitionCount(); p++) {
            PartitionState s = catalog.partition(r.id(), p);
            written += s.nativeBytes();
            stored += s.storedBytes();
        }
        String owner = r.owner().equals(VAULT) ? null : r.owner();
        CartridgeView.Location location = CartridgeView.Location.VAULT;
        int element = -1;
        Optional<Partition> live = owner == null ? Optional.empty() : library.live(owner);
        Optional<Integer> at = live.flatMap(p -> p.find(i.barcode()));
        if (at.isPresent()) {
            element = at.get();
            location = switch (live.get().layout().typeOf(element)) {
                case DATA_TRANSFER -> CartridgeView.Location.DRIVE;
                case IMPORT_EXPORT -> CartridgeView.Location.IMPORT_EXPORT_SLOT;
                default -> CartridgeView.Location.STORAGE_SLOT;
            };
        }
        return new CartridgeView(i.barcode(), owner, LtoGeneration.valueOf(i.mediaType().name()), i.nativeCapacity(),
                written, stored, i.worm(), i.writeProtected(), location, element);
    }
}
