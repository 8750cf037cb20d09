package org.vtl.appliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.vtl.admin.ApiException;
import org.vtl.admin.JobProgress;
import org.vtl.admin.PoolService;
import org.vtl.admin.PoolView;
import org.vtl.catalog.Catalog;
import org.vtl.catalog.CatalogBatch;
import org.vtl.config.ApplianceConfig;
import org.vtl.config.ByteSize;
import org.vtl.config.PoolConfig;
import org.vtl.cartridge.log.CartridgeBackend;
import org.vtl.cartridge.segment.PoolSegmentStore;
import org.vtl.raid.Extent;
import org.vtl.raid.GroupState;
import org.vtl.raid.Pool;
import org.vtl.raid.PoolOptions;
import org.vtl.raid.PoolStatus;
import org.vtl.raid.io.IoMode;
import org.vtl.raid.io.MemberState;

/**
 * The admin API's view of the RAID-6 pool ({@link Pool}): status, scrub, capacity expansion and member
 * replacement. A fresh data directory gets a new pool over the configured members (sparse files
 * {@code pool/member-N.img} by default). The member paths are kept in the catalog (state namespace
 * {@value #NAMESPACE}), written before a layout change, so later starts reassemble the pool with the groups added
 * and the members replaced since (design.md "One source of truth for state").
 */
final class RaidPoolService implements PoolService, AutoCloseable {

    static final String NAMESPACE = "pool";
    private static final byte[] MEMBERS_KEY = "members".getBytes(StandardCharsets.US_ASCII);

    private final Pool pool;
    private final Catalog catalog;
    private final long memberSize;
    private final List<Path> members;

    private RaidPoolService(Pool pool, Catalog catalog, long memberSize, List<Path> members) {
        this.pool = pool;
        this.catalog = catalog;
        this.memberSize = memberSize;
        this.members = new ArrayList<>(members);
    }

    /** Opens (or creates, on a fresh data directory) the pool of the configuration. */
    static RaidPoolService open(ApplianceConfig config, DataDirectory data, Catalog catalog, MeterRegistry meters)
            throws ApplianceException {
        PoolConfig p = config.pool();
        List<Path> paths = catalog.state(NAMESPACE, MEMBERS_KEY)
                .map(v -> new String(v, StandardCharsets.UTF_8).lines().map(Path::of).toList())
                .orElseGet(() -> memberPaths(config, data));
        PoolOptions options = PoolOptions.defaults().withChunkSize(Math.toIntExact(p.chunkSize().bytes()))
                .withMemberSize(p.members().size().bytes()).withIoMode(p.directIo() ? IoMode.AUTO : IoMode.BUFFERED);
        List<Path> existing = paths.stream().filter(Files::exists).toList();
        try {
            if (existing.isEmpty()) {
                Files.createDirectories(paths.getFirst().toAbsolutePath().getParent());
                int perGroup = paths.size() / p.groups();
                remember(catalog, paths);
                Pool pool = Pool.create(paths.subList(0, perGroup), options, meters);
                for (int g = 1; g < p.groups(); g++) {
                    pool.addGroup(paths.subList(g * perGroup, (g + 1) * perGroup));
                }
                return new RaidPoolService(pool, catalog, p.members().size().bytes(), paths);
            }
            // The catalog lists the live extents: every other row is free (stripes written after the last commit).
            List<Extent> live = PoolSegmentStore.toPoolExtents(CartridgeBackend.liveExtents(catalog));
            return new RaidPoolService(Pool.open(existing, options, meters, live), catalog,
                    p.members().size().bytes(), paths);
        } catch (IOException | RuntimeException e) {
            throw new ApplianceException("cannot open the pool (" + paths.size() + " members, first "
                    + paths.getFirst() + "): " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    static List<Path> memberPaths(ApplianceConfig config, DataDirectory data) {
        List<Path> paths = new ArrayList<>();
        if (config.pool().members().paths().isEmpty()) {
            for (int i = 0; i < config.pool().members().count(); i++) {
                paths.add(data.resolve("pool").resolve("member-" + i + ".img"));
            }
        } else {
            config.pool().members().paths().forEach(path -> paths.add(data.resolve(path)));
        }
        return paths;
    }

    /** One line for /health and the summary. */
    String describe() {
        PoolStatus s = pool.status();
        return s.members().size() + " members in " + s.groups().size() + " RAID-6 group(s), "
                + String.format(Locale.ROOT, "%.1f GB", s.capacityBytes() / 1e9) + " usable, " + state(s);
    }

    @Override
    public PoolView status() {
        PoolStatus s = pool.status();
        List<PoolView.Group> groups = new ArrayList<>();
        int global = 0;
        for (PoolStatus.GroupStatus g : s.groups()) {
            List<PoolView.Member> list = new ArrayList<>();
            for (PoolStatus.MemberStatus m : s.members()) {
                if (m.group() == g.group()) {
                    list.add(new PoolView.Member(global++, m.path(), size(m.path()), lower(m.state().name()),
                            m.errors(), m.state() == MemberState.REBUILDING ? s.rebuild().fraction() : null));
                }
            }
            groups.add(new PoolView.Group(g.group(), lower(g.state().name()), list));
        }
        long chunk = s.groups().isEmpty() ? 0 : s.groups().getFirst().chunkSize();
        return new PoolView(state(s), s.capacityBytes(), s.usedBytes(), s.freeBytes(), compressionRatio(), chunk,
                groups);
    }

    /** Native bytes written per stored byte over every cartridge in the catalog; 1.0 before anything is written. */
    private double compressionRatio() {
        long nativeBytes = 0;
        long stored = 0;
        for (org.vtl.catalog.CartridgeRecord r : catalog.cartridges()) {
            for (int p = 0; p < r.partitionCount(); p++) {
                org.vtl.catalog.PartitionState s = catalog.partition(r.id(), p);
                nativeBytes += s.nativeBytes();
                stored += s.storedBytes();
            }
        }
        return stored == 0 ? 1.0 : (double) nativeBytes / stored;
    }

    /**
     * Adds a RAID-6 group; its member files are created sparse at the pool's member size and formatted first, then
     * the new member list is recorded in one synced catalog write. A format that fails records nothing and deletes
     * the member files it created, so it leaves nothing behind.
     */
    @Override
    public synchronized PoolView addGroup(List<String> paths, long sizeBytes, JobProgress progress) {
        if (sizeBytes != 0 && sizeBytes != memberSize) {
            throw ApiException.invalid("member files of this pool are " + ByteSize.ofBytes(memberSize)
                    + "; leave out --size or pass " + ByteSize.ofBytes(memberSize));
        }
        List<Path> added = absolute(paths);
        List<Path> existing = new ArrayList<>();
        for (Path path : added) {
            if (members.contains(path)) {
                throw ApiException.conflict(path + " is already a member of the pool");
            }
            if (Files.exists(path)) {
                existing.add(path);
            }
        }
        progress.total(1);
        try {
            pool.addGroup(added);
        } catch (IOException | RuntimeException e) {
            for (Path path : added) {
                if (!existing.contains(path)) {
                    deleteQuietly(path);
                }
            }
            throw ApiException.conflict("cannot add the group: " + e.getMessage());
        }
        List<Path> all = new ArrayList<>(members);
        all.addAll(added);
        remember(catalog, all);
        members.addAll(added);
        progress.advance(1);
        return status();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RaidPoolService.class)
                    .warn("cannot delete {} after a failed group format: {}", path, e.getMessage());
        }
    }

    /** Replaces a failed member (global number as {@code vtl pool status} shows it) and waits for its rebuild. */
    @Override
    public PoolView replaceMember(int member, String path, JobProgress progress) throws InterruptedException {
        Path replacement = absolute(List.of(path)).getFirst();
        synchronized (this) {
            PoolStatus.MemberStatus old = memberAt(member);
            List<Path> all = new ArrayList<>(members);
            all.remove(old.path() == null ? null : Path.of(old.path()));
            all.add(replacement);
            try {
                pool.replaceMember(old.group(), old.index(), replacement);
            } catch (IOException e) {
                throw ApiException.conflict("cannot replace member " + member + ": " + e.getMessage());
            }
            remember(catalog, all);
            members.clear();
            members.addAll(all);
        }
        long reported = 0;
        while (true) {
            PoolStatus.RepairProgress r = pool.status().rebuild();
            progress.total(r.rowsTotal());
            progress.advance(Math.max(0, r.rowsDone() - reported));
            reported = Math.max(reported, r.rowsDone());
            if (!r.running()) {
                return status();
            }
            Thread.sleep(100);
        }
    }

    private PoolStatus.MemberStatus memberAt(int member) {
        List<PoolStatus.MemberStatus> all = pool.status().members();
        if (member < 0 || member >= all.size()) {
            throw ApiException.notFound("the pool has no member " + member + "; vtl pool status lists them");
        }
        return all.get(member);
    }

    private static List<Path> absolute(List<String> paths) {
        List<Path> out = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (!path.isAbsolute()) {
                throw ApiException.invalid("member paths must be absolute, was \"" + p + "\"");
            }
            out.add(path.normalize());
        }
        return out;
    }

    private static void remember(Catalog catalog, List<Path> paths) {
        String list = String.join("\n", paths.stream().map(Path::toString).toList());
        try (CatalogBatch batch = catalog.batch()) {
            batch.putState(NAMESPACE, MEMBERS_KEY, list.getBytes(StandardCharsets.UTF_8));
            catalog.commit(batch, true);
        }
    }

    /** Runs the pool's scrub, reporting its rows; returns the stripes it repaired or could not repair. */
    @Override
    public long scrub(JobProgress progress) throws InterruptedException {
        CompletableFuture<PoolStatus.RepairProgress> running = pool.scrub();
        long reported = 0;
        while (true) {
            PoolStatus.RepairProgress now = pool.status().scrub();
            progress.total(now.rowsTotal());
            progress.advance(Math.max(0, now.rowsDone() - reported));
            reported = Math.max(reported, now.rowsDone());
            try {
                PoolStatus.RepairProgress end = running.get(200, TimeUnit.MILLISECONDS);
                progress.total(end.rowsTotal());
                progress.advance(Math.max(0, end.rowsDone() - reported));
                return end.repaired() + end.unrepairable();
            } catch (TimeoutException e) {
                // Still scrubbing: report again.
            } catch (ExecutionException e) {
                throw ApiException.conflict("scrub failed: " + e.getCause().getMessage());
            }
        }
    }

    private static String state(PoolStatus s) {
        if (s.rebuild().running()) {
            return "rebuilding";
        }
        GroupState worst = s.groups().stream().map(PoolStatus.GroupStatus::state)
                .max(Enum::compareTo).orElse(GroupState.ONLINE);
        return lower(worst.name());
    }

    private static long size(String path) {
        try {
            return path == null ? 0 : Files.size(Path.of(path));
        } catch (IOException e) {
            return 0;
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The pool, for the cartridge layer's segment store. */
    Pool pool() {
        return pool;
    }

    @Override
    public void close() throws IOException {
        pool.close();
    }
}
