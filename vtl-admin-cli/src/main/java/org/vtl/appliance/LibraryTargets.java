package org.vtl.appliance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.vtl.cartridge.log.CartridgeBackend;
import org.vtl.cartridge.log.LogCartridgeStore;
import org.vtl.config.ChangerModel;
import org.vtl.config.DriveVendor;
import org.vtl.config.PartitionConfig;
import org.vtl.iscsi.login.InitiatorAcl;
import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.server.IscsiTargetServer;
import org.vtl.iscsi.server.SessionInfo;
import org.vtl.iscsi.server.TargetDefinition;
import org.vtl.iscsi.server.TargetRegistry;
import org.vtl.library.LibraryStateStore;
import org.vtl.library.Partition;
import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;
import org.vtl.scsi.smc.MediaChanger;
import org.vtl.scsi.smc.PartitionDevices;
import org.vtl.scsi.ssc.DriveCounters;
import org.vtl.scsi.ssc.TapeDrive;

/**
 * Serves library partitions: for each one its changer and drives ({@link PartitionDevices}, over the partition's
 * {@link LogCartridgeStore} on the pool) and its iSCSI target (IQN, CHAP, initiator ACL) in the
 * {@link TargetRegistry} every portal serves. Drives are added and removed on the running devices
 * ({@link #addDrive}, {@link #removeLastDrive}): the target is republished with its new LUNs and its sessions stay.
 * Other definition changes stop the partition's devices (loaded cartridges are flushed) and start new ones, so the
 * change takes effect at once. Each drive has its meters ({@link DriveMeters}). Owns one virtual thread per
 * logical unit command (each unit keeps its commands in order).
 */
final class LibraryTargets implements CatalogLibrary.PartitionHost, AutoCloseable {

    private final String applianceId;
    private final CartridgeBackend backend;
    private final LibraryStateStore state;
    private final TargetRegistry registry;
    private final int maxBlock;
    private final MeterRegistry meters;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("vtl-lu-", 1).factory());
    private final Map<String, Served> served = new TreeMap<>();
    private final List<IscsiTargetServer> portals = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A served partition; {@code meters} holds each drive's meters, in drive order. */
    private record Served(PartitionDevices devices, String iqn, LogCartridgeStore store, List<List<Meter>> meters) {
    }

    LibraryTargets(String applianceId, CartridgeBackend backend, LibraryStateStore state, TargetRegistry registry,
                   int maxBlock, MeterRegistry meters) {
        this.applianceId = applianceId;
        this.meters = meters;
        this.maxBlock = maxBlock;
        this.backend = backend;
        this.state = state;
        this.registry = registry;
    }

    @Override
    public synchronized Partition start(PartitionConfig p) {
        stop(p.name());
        LogCartridgeStore store = backend.store(p.name(), p.quota() == null ? Long.MAX_VALUE : p.quota().bytes());
        ChangerIdentity changer = p.changer() == ChangerModel.STK_L700 ? ChangerIdentity.stkL700()
                : ChangerIdentity.ibm3584();
        List<DriveIdentity> drives = new ArrayList<>();
        for (int i = 0; i < p.drives(); i++) {
            drives.add(identity(p));
        }
        PartitionDevices devices = PartitionDevices.create(applianceId, p.name(), changer, drives, p.slots(),
                p.importExportSlots(), store, state, executor);
        List<List<Meter>> driveMeters = new ArrayList<>();
        for (int i = 0; i < devices.drives().size(); i++) {
            driveMeters.add(DriveMeters.register(meters, p.name(), i, devices.drives().get(i).counters()));
        }
        Served s = new Served(devices, p.iqn(), store, driveMeters);
        served.put(p.name(), s);
        publish(p, s);
        return devices.partition();
    }

    private DriveIdentity identity(PartitionConfig p) {
        LtoGeneration generation = LtoGeneration.valueOf(p.driveGeneration().name());
        DriveIdentity identity = p.driveVendor() == DriveVendor.HP ? DriveIdentity.hp(generation)
                : DriveIdentity.ibm(generation);
        return identity.withMaxBlockLength(maxBlock);
    }

    /** Puts the partition's target in the registry: new logins and running sessions see its current LUNs. */
    private void publish(PartitionConfig p, Served s) {
        Map<Long, LogicalUnit> luns = new TreeMap<>();
        for (long lun : s.devices().luns().luns()) {
            luns.put(lun, s.devices().unit(lun));
        }
        registry.put(new TargetDefinition(p.iqn(), p.name(), luns, auth(p), acl(p)));
    }

    /** Adds a drive to a served partition without restarting it (sessions stay); false when not served. */
    @Override
    public synchronized boolean addDrive(PartitionConfig p, UnaryOperator<Partition> rebuild) {
        Served s = served.get(p.name());
        if (s == null) {
            return false;
        }
        TapeDrive added = s.devices().addDrive(identity(p), rebuild);
        s.meters().add(DriveMeters.register(meters, p.name(), s.meters().size(), added.counters()));
        publish(p, s);
        return true;
    }

    /** Removes the last drive of a served partition without restarting it (sessions stay); false when not served. */
    @Override
    public synchronized boolean removeLastDrive(PartitionConfig p, UnaryOperator<Partition> rebuild) {
        Served s = served.get(p.name());
        if (s == null) {
            return false;
        }
        s.devices().removeLastDrive(rebuild);
        s.meters().removeLast().forEach(meters::remove);
        publish(p, s);
        return true;
    }

    @Override
    public synchronized void stop(String name) {
        Served s = served.remove(name);
        if (s != null) {
            registry.remove(s.iqn());
            s.devices().shutdown();
            s.meters().forEach(m -> m.forEach(meters::remove));
        }
    }

    @Override
    public synchronized LogCartridgeStore store(String partition) {
        Served s = served.get(partition);
        return s == null ? null : s.store();
    }

    /** The counters of the partition's drives, in drive order; empty when it is not served. */
    @Override
    public synchronized List<DriveCounters> drives(String partition) {
        Served s = served.get(partition);
        return s == null ? List.of() : s.devices().drives().stream().map(TapeDrive::counters).toList();
    }

    @Override
    public synchronized java.util.Optional<MediaChanger> changer(String partition) {
        Served s = served.get(partition);
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.devices().changer());
    }

    @Override
    public boolean changeOwner(String barcode, String partition) {
        return backend.changeOwner(barcode, partition);
    }

    /** The cartridge store of cartridges on the vault shelf (owner "", no partition). */
    @Override
    public LogCartridgeStore vault() {
        return backend.store(CatalogCartridges.VAULT, Long.MAX_VALUE);
    }

    /** Counts the sessions of {@code portal} from now on (the portals start after the partitions). */
    void portal(IscsiTargetServer portal) {
        portals.add(portal);
    }

    /** Normal (non-discovery) sessions logged in to the partition's target on any portal. */
    @Override
    public int sessions(String partition) {
        String iqn;
        synchronized (this) {
            Served s = served.get(partition);
            if (s == null) {
                return 0;
            }
            iqn = s.iqn();
        }
        int count = 0;
        for (IscsiTargetServer portal : portals) {
            for (SessionInfo session : portal.sessions()) {
                if (!session.discovery() && iqn.equalsIgnoreCase(session.targetName())) {
                    count++;
                }
            }
        }
        return count;
    }

    synchronized int targets() {
        return served.size();
    }

    private static TargetAuth auth(PartitionConfig p) {
        if (p.chap() == null) {
            return TargetAuth.none();
        }
        if (p.chap().mutualUser() != null) {
            return TargetAuth.mutualChap(p.chap().user(), p.chap().secret(), p.chap().mutualUser(),
                    p.chap().mutualSecret());
        }
        return TargetAuth.chap(p.chap().user(), p.chap().secret());
    }

    private static InitiatorAcl acl(PartitionConfig p) {
        return p.allowedInitiators().isEmpty() ? InitiatorAcl.allowAll()
                : InitiatorAcl.of(new HashSet<>(p.allowedInitiators()));
    }

    @Override
    public synchronized void close() {
        for (String name : List.copyOf(served.keySet())) {
            stop(name);
        }
        executor.shutdown();
    }
}
