package org.vtl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vtl.admin.ApiException;
import org.vtl.admin.CartridgeFilter;
import org.vtl.admin.CartridgeService;
import org.vtl.admin.CartridgeView;
import org.vtl.admin.CartridgeView.Location;
import org.vtl.admin.DriveView;
import org.vtl.admin.JobProgress;
import org.vtl.admin.PartitionService;
import org.vtl.admin.PartitionView;
import org.vtl.config.CartridgeRange;
import org.vtl.config.PartitionConfig;

/**
 * Test double of the catalog-backed partition and cartridge services: the same refusals the real ones must give,
 * kept in memory so the CLI and the API plumbing can be tested before the catalog is wired.
 */
final class InMemoryLibrary implements PartitionService, CartridgeService {

    private final Map<String, PartitionConfig> partitions = new LinkedHashMap<>();
    private final Map<String, CartridgeView> cartridges = new LinkedHashMap<>();
    private final Map<String, String> loaded = new LinkedHashMap<>();

    @Override
    public synchronized List<PartitionView> list() {
        return partitions.keySet().stream().map(this::partition).toList();
    }

    @Override
    public synchronized PartitionView partition(String name) {
        PartitionConfig c = partitions.get(name);
        if (c == null) {
            throw ApiException.notFound("no partition " + name + "; vtl partition list shows them");
        }
        long count = cartridges.values().stream().filter(x -> name.equals(x.partition())).count();
        return new PartitionView(c, count, 0, 0);
    }

    @Override
    public synchronized PartitionView create(PartitionConfig p) {
        if (partitions.containsKey(p.name())) {
            throw ApiException.conflict("partition " + p.name() + " exists");
        }
        partitions.put(p.name(), p);
        return partition(p.name());
    }

    @Override
    public synchronized PartitionView update(String name, PartitionConfig p) {
        partition(name);
        partitions.put(name, p);
        return partition(name);
    }

    @Override
    public synchronized void delete(String name, boolean force) {
        PartitionView view = partition(name);
        if (view.cartridges() > 0 && !force) {
            throw ApiException.conflict("partition " + name + " still has " + view.cartridges()
                    + " cartridges; export or delete them, or use --force to shelve them");
        }
        cartridges.replaceAll((k, c) -> name.equals(c.partition()) ? moved(c, null, Location.VAULT, -1) : c);
        partitions.remove(name);
    }

    @Override
    public synchronized List<DriveView> drives(String partition) {
        PartitionConfig c = partition(partition).config();
        List<DriveView> out = new ArrayList<>();
        for (int i = 0; i < c.drives(); i++) {
            out.add(new DriveView(i, 0x100 + i, i + 1, partition.toUpperCase() + "-D" + i, c.driveGeneration(),
                    c.driveVendor(), loaded.get(partition + "/" + i)));
        }
        return out;
    }

    @Override
    public synchronized List<DriveView> addDrives(String partition, int count) {
        PartitionConfig c = partition(partition).config();
        partitions.put(partition, with(c, c.drives() + count, c.slots(), c.importExportSlots()));
        return drives(partition).subList(c.drives(), c.drives() + count);
    }

    @Override
    public synchronized void removeDrive(String partition, int index, boolean force) {
        PartitionConfig c = partition(partition).config();
        if (index < 0 || index >= c.drives()) {
            throw ApiException.notFound("partition " + partition + " has no drive " + index);
        }
        if (loaded.containsKey(partition + "/" + index) && !force) {
            throw ApiException.conflict("drive " + index + " holds cartridge " + loaded.get(partition + "/" + index)
                    + "; unload it first or use --force");
        }
        if (c.drives() == 1) {
            throw ApiException.conflict("a partition keeps at least one drive; delete the partition instead");
        }
        partitions.put(partition, with(c, c.drives() - 1, c.slots(), c.importExportSlots()));
    }

    @Override
    public synchronized PartitionView resizeSlots(String partition, int slots, int mail) {
        PartitionConfig c = partition(partition).config();
        long stored = cartridges.values().stream()
                .filter(x -> partition.equals(x.partition()) && x.location() == Location.STORAGE_SLOT).count();
        if (stored > slots) {
            throw ApiException.conflict("partition " + partition + " holds " + stored + " cartridges in storage slots; "
                    + "it cannot shrink to " + slots);
        }
        partitions.put(partition, with(c, c.drives(), slots, mail));
        return partition(partition);
    }

    @Override
    public synchronized List<CartridgeView> list(CartridgeFilter filter) {
        return cartridges.values().stream().filter(filter::matches).toList();
    }

    @Override
    public synchronized CartridgeView cartridge(String barcode) {
        CartridgeView c = cartridges.get(barcode);
        if (c == null) {
            throw ApiException.notFound("no cartridge " + barcode);
        }
        return c;
    }

    @Override
    public synchronized List<CartridgeView> create(String partition, CartridgeRange range, JobProgress progress) {
        PartitionConfig p = partition(partition).config();
        List<String> barcodes = range.expand();
        progress.total(barcodes.size());
        long used = cartridges.values().stream().filter(x -> partition.equals(x.partition())).count();
        if (used + barcodes.size() > p.slots()) {
            throw ApiException.conflict("partition " + partition + " has " + (p.slots() - used)
                    + " free slots for " + barcodes.size() + " cartridges; vtl slot resize adds slots");
        }
        for (String b : barcodes) {
            if (cartridges.containsKey(b)) {
                throw ApiException.conflict("cartridge " + b + " exists");
            }
        }
        List<CartridgeView> out = new ArrayList<>();
        for (String b : barcodes) {
            long capacity = range.capacity() == null ? range.media().nativeCapacity() : range.capacity().bytes();
            CartridgeView c = new CartridgeView(b, partition, range.media(), capacity, 0, 0, range.worm(), false,
                    Location.STORAGE_SLOT, 0x400 + (int) used++);
            cartridges.put(b, c);
            out.add(c);
            progress.advance(1);
        }
        return out;
    }

    @Override
    public synchronized CartridgeView importTo(String barcode, String partition) {
        CartridgeView c = cartridge(barcode);
        partition(partition);
        if (c.location() != Location.VAULT) {
            throw ApiException.conflict("cartridge " + barcode + " is not on the vault shelf; export it first");
        }
        CartridgeView moved = moved(c, partition, Location.IMPORT_EXPORT_SLOT, 0x10);
        cartridges.put(barcode, moved);
        return moved;
    }

    @Override
    public synchronized CartridgeView export(String barcode) {
        CartridgeView c = cartridge(barcode);
        if (c.location() == Location.DRIVE) {
            throw ApiException.conflict("cartridge " + barcode + " is loaded in a drive; unload it first");
        }
        CartridgeView moved = moved(c, null, Location.VAULT, -1);
        cartridges.put(barcode, moved);
        return moved;
    }

    @Override
    public synchronized CartridgeView erase(String barcode, JobProgress progress) {
        CartridgeView c = cartridge(barcode);
        if (c.worm() && c.writtenBytes() > 0) {
            throw ApiException.conflict("cartridge " + barcode + " is WORM and holds data; it cannot be erased");
        }
        CartridgeView erased = new CartridgeView(c.barcode(), c.partition(), c.media(), c.capacityBytes(), 0, 0,
                c.worm(), c.writeProtected(), c.location(), c.element());
        cartridges.put(barcode, erased);
        return erased;
    }

    @Override
    public synchronized void delete(String barcode) {
        if (cartridge(barcode).location() == Location.DRIVE) {
            throw ApiException.conflict("cartridge " + barcode + " is loaded in a drive; unload it first");
        }
        cartridges.remove(barcode);
    }

    @Override
    public synchronized CartridgeView writeProtect(String barcode, boolean on) {
        CartridgeView c = cartridge(barcode);
        CartridgeView changed = new CartridgeView(c.barcode(), c.partition(), c.media(), c.capacityBytes(),
                c.writtenBytes(), c.storedBytes(), c.worm(), on, c.location(), c.element());
        cartridges.put(barcode, changed);
        return changed;
    }

    /** Test hook: pretend a drive holds a cartridge, as the library would after MOVE MEDIUM. */
    synchronized void load(String partition, int drive, String barcode) {
        loaded.put(partition + "/" + drive, barcode);
        CartridgeView c = cartridge(barcode);
        cartridges.put(barcode, moved(c, partition, Location.DRIVE, 0x100 + drive));
    }

    private static CartridgeView moved(CartridgeView c, String partition, Location location, int element) {
        return new CartridgeView(c.barcode(), partition, c.media(), c.capacityBytes(), c.writtenBytes(),
                c.storedBytes(), c.worm(), c.writeProtected(), location, element);
    }

    private static PartitionConfig with(PartitionConfig c, int drives, int slots, int mail) {
        return new PartitionConfig(c.name(), c.iqn(), c.changer(), drives, c.driveGeneration(), c.driveVendor(), slots,
                mail, c.cartridges(), c.quota(), c.chap(), c.allowedInitiators());
    }
}
