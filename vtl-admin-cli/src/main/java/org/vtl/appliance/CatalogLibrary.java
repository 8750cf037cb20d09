package org.vtl.appliance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.vtl.admin.ApiException;
import org.vtl.admin.DriveView;
import org.vtl.admin.Json;
import org.vtl.admin.PartitionService;
import org.vtl.admin.PartitionView;
import org.vtl.catalog.Catalog;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.CartridgeRecord;
import org.vtl.config.ChangerModel;
import org.vtl.config.ConfigException;
import org.vtl.config.ConfigLoader;
import org.vtl.config.PartitionConfig;
import org.vtl.library.Element;
import org.vtl.library.ElementChange;
import org.vtl.library.ElementContent;
import org.vtl.library.ElementLayout;
import org.vtl.library.ElementType;
import org.vtl.library.Partition;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.identity.SerialNumber;
import org.vtl.scsi.smc.MediaChanger;

/**
 * Library partitions kept in the catalog: each definition (the configuration file's form) and its element
 * contents ({@link CatalogLibraryStateStore}), changed in one synced catalog batch per operation so a restart
 * never loses a change. Holds the live {@link Partition} state the media changers will drive. Thread-safe:
 * every change runs under the library's lock. Cartridges: {@link CatalogCartridges}.
 */
final class CatalogLibrary implements PartitionService {

    /** Serves partitions once the data path is assembled: their logical units and iSCSI targets. */
    interface PartitionHost {
        /** (Re)starts a partition's devices and target; returns the live element state they drive. */
        Partition start(PartitionConfig partition);

        /** Stops a partition's devices and target, if served. */
        void stop(String name);

        /** The cartridge store of a served partition, or {@code null}. */
        org.vtl.cartridge.log.LogCartridgeStore store(String partition);

        /** Normal iSCSI sessions logged in to the partition's target. */
        int sessions(String partition);

        /** The cartridge store of the vault shelf. */
        org.vtl.cartridge.log.LogCartridgeStore vault();

        /** The counters of a served partition's drives, in drive order; empty when it is not served. */
        List<org.vtl.scsi.ssc.DriveCounters> drives(String partition);

        /** The media changer of a served partition. */
        Optional<org.vtl.scsi.smc.MediaChanger> changer(String partition);

        /** Adds a drive to a served partition live (see MediaChanger.reconfigure); false if not served. */
        boolean addDrive(PartitionConfig partition, java.util.function.UnaryOperator<Partition> rebuild);

        /**
         * Gives a cartridge to another library partition in the cartridge layer, whose quota counts its stored bytes
         * from then on (durable); false while it is mounted.
         */
        boolean changeOwner(String barcode, String partition);

        /** Removes the last drive of a served partition live; false if not served. */
        boolean removeLastDrive(PartitionConfig partition, java.util.function.UnaryOperator<Partition> rebuild);
    }

    final Catalog catalog;
    private PartitionHost host;
    private final String applianceId;
    private final Map<String, PartitionConfig> definitions = new TreeMap<>();
    private final Map<String, Partition> partitions = new TreeMap<>();
    private long nextCartridgeId;

    CatalogLibrary(Catalog catalog, String applianceId) throws ApplianceException {
        this.catalog = catalog;
        this.applianceId = applianceId;
        CatalogLibraryStateStore store = new CatalogLibraryStateStore(catalog);
        List<String> broken = new ArrayList<>();
        catalog.states(CatalogLibraryStateStore.PARTITIONS, (key, value) -> {
            String name = new String(key, StandardCharsets.US_ASCII);
            try {
                PartitionConfig p = ConfigLoader.partition(Json.MAPPER.readTree(value), null, "partition " + name);
                definitions.put(name, p);
                Partition live = live(p);
                live.restore(store.load(name));
                partitions.put(name, live);
            } catch (ConfigException | java.io.IOException | RuntimeException e) {
                broken.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        });
        if (!broken.isEmpty()) {
            throw new ApplianceException("the catalog holds partitions this version cannot read: " + broken);
        }
    }

    /** From now on partitions are served by {@code host}; starts every defined partition there. */
    synchronized void attach(PartitionHost serving) {
        this.host = serving;
        for (PartitionConfig p : definitions.values()) {
            partitions.put(p.name(), serving.start(p));
        }
    }

    /** The host serving partitions, or {@code null} while the data path is not assembled. */
    synchronized PartitionHost host() {
        return host;
    }

    /** True on a fresh catalog: no partition was ever defined (the configuration then seeds it). */
    boolean empty() {
        return definitions.isEmpty() && catalog.cartridges().isEmpty();
    }

    @Override
    public synchronized List<PartitionView> list() {
        return definitions.keySet().stream().map(this::partition).toList();
    }

    @Override
    public synchronized PartitionView partition(String name) {
        PartitionConfig p = definition(name);
        long count = 0;
        long used = 0;
        for (CartridgeRecord r : catalog.cartridges()) {
            if (r.owner().equals(name)) {
                count++;
                for (int i = 0; i < r.partitionCount(); i++) {
                    used += catalog.partition(r.id(), i).storedBytes();
                }
            }
        }
        return new PartitionView(p, count, used, host == null ? 0 : host.sessions(name));
    }

    @Override
    public synchronized PartitionView create(PartitionConfig p) {
        if (definitions.containsKey(p.name())) {
            throw ApiException.conflict("partition " + p.name() + " exists; vtl partition set changes it");
        }
        checkIqnFree(p.name(), p.iqn());
        Partition live = live(p);
        try (CatalogBatch batch = catalog.batch()) {
            putDefinition(batch, p);
            List<ElementChange> placed = CatalogCartridges.seed(this, batch, p, live);
            catalog.commit(batch, true);
            live.apply(placed);
        }
        definitions.put(p.name(), p);
        partitions.put(p.name(), host == null ? live : host.start(p));
        return partition(p.name());
    }

    @Override
    public synchronized PartitionView update(String name, PartitionConfig p) {
        PartitionConfig old = definition(name);
        checkIqnFree(name, p.iqn());
        if (old.changer() != p.changer() && !partitions.get(name).elements().stream().allMatch(e -> !e.full()
                || e.type() == ElementType.MEDIUM_TRANSPORT)) {
            throw ApiException.conflict("changing the changer identity moves every element address; export the "
                    + "cartridges of partition " + name + " first");
        }
        PartitionConfig changed = new PartitionConfig(name, p.iqn(), p.changer(), old.drives(), old.driveGeneration(),
                p.driveVendor(), old.slots(), old.importExportSlots(), old.cartridges(), p.quota(), p.chap(),
                p.allowedInitiators());
        replace(changed, List.of());
        return partition(name);
    }

    @Override
    public synchronized void delete(String name, boolean force) {
        PartitionView view = partition(name);
        if (view.cartridges() > 0 && !force) {
            throw ApiException.conflict("partition " + name + " still has "
                    + ApiException.count(view.cartridges(), "cartridge") + "; "
                    + "export or delete them, or use --force to move them to the vault shelf");
        }
        if (view.sessions() > 0 && !force) {
            throw ApiException.conflict("partition " + name + " has "
                    + ApiException.count(view.sessions(), "iSCSI session") + " logged in; log them out or use --force "
                    + "to drop them");
        }
        try (CatalogBatch batch = catalog.batch()) {
            for (CartridgeRecord r : catalog.cartridges()) {
                if (r.owner().equals(name)) {
                    batch.putCartridge(new CartridgeRecord(r.id(), r.info(), CatalogCartridges.VAULT,
                            r.partitionCount()));
                }
            }
            List<ElementChange> emptied = new ArrayList<>();
            for (Element e : partitions.get(name).elements()) {
                if (e.full()) {
                    emptied.add(new ElementChange(e.address(), null));
                }
            }
            CatalogLibraryStateStore.put(batch, name, emptied);
            batch.deleteState(CatalogLibraryStateStore.PARTITIONS, name.getBytes(StandardCharsets.US_ASCII));
            if (host != null) {
                host.stop(name);
            }
            catalog.commit(batch, true);
        }
        definitions.remove(name);
        partitions.remove(name);
    }

    @Override
    public synchronized List<DriveView> drives(String partition) {
        PartitionConfig p = definition(partition);
        Partition live = partitions.get(partition);
        List<DriveView> out = new ArrayList<>();
        for (int i = 0; i < p.drives(); i++) {
            int address = live.driveAddress(i);
            out.add(new DriveView(i, address, i + 1, SerialNumber.derive(applianceId, partition, "drive" + i),
                    p.driveGeneration(), p.driveVendor(), live.element(address).map(Element::barcode).orElse(null)));
        }
        return out;
    }

    @Override
    public synchronized List<DriveView> addDrives(String partition, int count) {
        PartitionConfig p = definition(partition);
        if (p.drives() + count > 64) {
            throw ApiException.invalid("a partition has at most 64 drives; " + partition + " has " + p.drives());
        }
        if (host == null || host.changer(partition).isEmpty()) {
            replace(with(p, p.drives() + count, p.slots(), p.importExportSlots()), List.of());
        } else {
            for (int i = 0; i < count; i++) { // live, one LUN at a time: the target and its sessions stay
                PartitionConfig current = definition(partition);
                PartitionConfig next = with(current, current.drives() + 1, current.slots(),
                        current.importExportSlots());
                host.addDrive(next, rebuild(next, old -> List.of()));
                definitions.put(partition, next);
                partitions.put(partition, host.changer(partition).orElseThrow().partition());
            }
        }
        return drives(partition).subList(p.drives(), p.drives() + count);
    }

    @Override
    public synchronized void removeDrive(String partition, int index, boolean force) {
        PartitionConfig p = definition(partition);
        if (index < 0 || index >= p.drives()) {
            throw ApiException.notFound("partition " + partition + " has no drive " + index + " (drives 0.."
                    + (p.drives() - 1) + ")");
        }
        if (index != p.drives() - 1) {
            throw ApiException.conflict("only the last drive (" + (p.drives() - 1) + ") can be removed: the others "
                    + "keep their element addresses and LUNs");
        }
        if (p.drives() == 1) {
            throw ApiException.conflict("a partition keeps at least one drive; delete the partition instead");
        }
        PartitionConfig next = with(p, p.drives() - 1, p.slots(), p.importExportSlots());
        UnaryOperator<Partition> rebuild = rebuild(next, current -> unloadForRemoval(current, index, force));
        if (host == null || !host.removeLastDrive(next, rebuild)) {
            Partition live = rebuild.apply(partitions.get(partition));
            definitions.put(partition, next);
            partitions.put(partition, live);
            return;
        }
        definitions.put(partition, next);
        partitions.put(partition, host.changer(partition).orElseThrow().partition());
    }

    /** The element changes that take the cartridge out of a drive being removed: refused unless forced. */
    private static List<ElementChange> unloadForRemoval(Partition current, int index, boolean force) {
        Optional<Element> drive = current.element(current.driveAddress(index));
        if (drive.isEmpty() || !drive.get().full()) {
            return List.of();
        }
        if (!force) {
            throw ApiException.conflict("drive " + index + " holds cartridge " + drive.get().barcode()
                    + "; unload it first or use --force to put it back in a storage slot");
        }
        int slot = current.firstEmpty(ElementType.STORAGE).orElseThrow(() -> ApiException.conflict(
                "no free storage slot to put " + drive.get().barcode() + " back; vtl slot resize adds slots"));
        return List.of(new ElementChange(drive.get().address(), null),
                new ElementChange(slot, new ElementContent(drive.get().barcode(), -1)));
    }

    /**
     * A rebuild for a live reconfiguration: the new definition's element state with the current contents and the
     * element changes {@code plan} makes on the current state, persisted in one synced batch.
     */
    private UnaryOperator<Partition> rebuild(PartitionConfig next,
                                             java.util.function.Function<Partition, List<ElementChange>> plan) {
        return current -> {
            List<ElementChange> changes = plan.apply(current);
            Map<Integer, ElementContent> contents = contents(current);
            for (ElementChange c : changes) {
                if (c.content() == null) {
                    contents.remove(c.address());
                } else {
                    contents.put(c.address(), c.content());
                }
            }
            Partition live = live(next);
            live.restore(contents);
            try (CatalogBatch batch = catalog.batch()) {
                putDefinition(batch, next);
                CatalogLibraryStateStore.put(batch, next.name(), changes);
                catalog.commit(batch, true);
            }
            return live;
        };
    }

    @Override
    public synchronized PartitionView resizeSlots(String partition, int slots, int importExportSlots) {
        PartitionConfig next = with(definition(partition), definition(partition).drives(), slots, importExportSlots);
        Optional<MediaChanger> changer = host == null ? Optional.empty() : host.changer(partition);
        if (changer.isEmpty()) {
            checkShrink(partitions.get(partition), slots, importExportSlots);
            replace(next, List.of());
            return partition(partition);
        }
        changer.get().resize(current -> {   // live: the changer and its sessions stay
            checkShrink(current, slots, importExportSlots);
            Partition live = live(next);
            live.restore(contents(current));
            try (CatalogBatch batch = catalog.batch()) {
                putDefinition(batch, next);
                catalog.commit(batch, true);
            }
            return live;
        });
        definitions.put(partition, next);
        partitions.put(partition, changer.get().partition());
        return partition(partition);
    }

    /** Refuses to drop slots that hold a cartridge. */
    private static void checkShrink(Partition live, int slots, int importExportSlots) {
        ElementLayout l = live.layout();
        for (Element e : live.elements()) {
            int offset = e.address() - (e.type() == ElementType.STORAGE ? l.storageFirst() : l.importExportFirst());
            boolean dropped = e.full() && (e.type() == ElementType.STORAGE && offset >= slots
                    || e.type() == ElementType.IMPORT_EXPORT && offset >= importExportSlots);
            if (dropped) {
                throw ApiException.conflict("element " + e.address() + " of partition " + live.name() + " holds "
                        + e.barcode() + "; move or export it before shrinking to " + slots + " slots and "
                        + importExportSlots + " import/export slots");
            }
        }
    }

    /** Persists a changed definition (and element changes) in one batch, then swaps the live state. */
    private void replace(PartitionConfig p, List<ElementChange> changes) {
        Partition old = partitions.get(p.name());
        Partition live = live(p);
        live.restore(contents(old));
        try (CatalogBatch batch = catalog.batch()) {
            putDefinition(batch, p);
            CatalogLibraryStateStore.put(batch, p.name(), changes);
            catalog.commit(batch, true);
        }
        live.apply(changes);
        definitions.put(p.name(), p);
        partitions.put(p.name(), host == null ? live : host.start(p));
    }

    private static Map<Integer, ElementContent> contents(Partition partition) {
        Map<Integer, ElementContent> out = new TreeMap<>();
        partition.elements().stream().filter(Element::full).forEach(e -> out.put(e.address(), e.content()));
        return out;
    }

    PartitionConfig definition(String name) {
        PartitionConfig p = definitions.get(name);
        if (p == null) {
            throw ApiException.notFound("no partition " + name + "; vtl partition list shows them");
        }
        return p;
    }

    /**
     * Runs an operator change to a partition's inventory: through its media changer when served, so it takes effect
     * in the running library with {@code attention} for the logged-in initiators (see package-info for the codes),
     * else on the live state alone.
     */
    synchronized void changeInventory(String partition, SenseCode attention, MediaChanger.InventoryChange change) {
        Optional<MediaChanger> changer = host == null ? Optional.empty() : host.changer(partition);
        if (changer.isPresent()) {
            changer.get().changeInventory(change, attention);
        } else {
            Partition live = partitions.get(partition);
            live.apply(change.commit(live));
        }
    }

    /**
     * Reserves {@code count} consecutive cartridge ids; the one place the admin layer allocates them. Ids come from a
     * counter that starts above the largest id in the catalog, so several ranges in one uncommitted batch never
     * share an id; a batch that fails leaves a gap, which is harmless.
     */
    synchronized long allocateCartridgeIds(int count) {
        if (nextCartridgeId == 0) {
            nextCartridgeId = catalog.cartridges().stream().mapToLong(CartridgeRecord::id).max().orElse(0) + 1;
        }
        long first = nextCartridgeId;
        nextCartridgeId += count;
        return first;
    }

    /** The live element state of a partition, or empty. */
    Optional<Partition> live(String name) {
        return Optional.ofNullable(partitions.get(name));
    }

    List<Partition> livePartitions() {
        return List.copyOf(partitions.values());
    }

    private void checkIqnFree(String name, String iqn) {
        for (PartitionConfig other : definitions.values()) {
            if (!other.name().equals(name) && other.iqn().equals(iqn)) {
                throw ApiException.conflict("target name " + iqn + " is used by partition " + other.name());
            }
        }
    }

    private Partition live(PartitionConfig p) {
        ChangerIdentity identity = p.changer() == ChangerModel.STK_L700 ? ChangerIdentity.stkL700()
                : ChangerIdentity.ibm3584();
        String name = p.name();
        return new Partition(name, identity.layout(p.drives(), p.slots(), p.importExportSlots()),
                barcode -> catalog.cartridge(barcode).map(r -> r.owner().equals(name)).orElse(false));
    }

    private static void putDefinition(CatalogBatch batch, PartitionConfig p) {
        try {
            batch.putState(CatalogLibraryStateStore.PARTITIONS, p.name().getBytes(StandardCharsets.US_ASCII),
                    Json.MAPPER.writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode partition " + p.name(), e);
        }
    }

    static PartitionConfig with(PartitionConfig c, int drives, int slots, int mail) {
        return new PartitionConfig(c.name(), c.iqn(), c.changer(), drives, c.driveGeneration(), c.driveVendor(), slots,
                mail, c.cartridges(), c.quota(), c.chap(), c.allowedInitiators());
    }
}
