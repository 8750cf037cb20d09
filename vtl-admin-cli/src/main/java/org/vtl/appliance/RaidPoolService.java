package org.vtl.appliance;

import java.io.IOException;
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
import org.vtl.config.ApplianceConfig;
import org.vtl.config.PoolConfig;
import org.vtl.raid.GroupState;
import org.vtl.raid.Pool;
import org.vtl.raid.PoolOptions;
import org.vtl.raid.PoolStatus;
import org.vtl.raid.io.IoMode;
import org.vtl.raid.io.MemberState;

/**
 * The admin API's view of the RAID-6 pool ({@link Pool}): status, scrub, and the layout changes. A fresh data
 * directory gets a new pool over the configured members (sparse files {@code pool/member-N.img} by default);
 * later starts reassemble it from the same paths.
 *
 * <p>Adding a group or replacing a member changes which paths make up the pool; the catalog is where that is
 * remembered (design.md "One source of truth"), so both are refused until it is wired.
 */
final class RaidPoolService implements PoolService, AutoCloseable {

    private final Pool pool;
    private final List<Path> members;

    private RaidPoolService(Pool pool, List<Path> members) {
        this.pool = pool;
        this.members = members;
    }

    /** Opens (or creates, on a fresh data directory) the pool of the configuration. */
    static RaidPoolService open(ApplianceConfig config, DataDirectory data, MeterRegistry meters)
            throws ApplianceException {
        PoolConfig p = config.pool();
        List<Path> paths = memberPaths(config, data);
        PoolOptions options = PoolOptions.defaults().withChunkSize(Math.toIntExact(p.chunkSize().bytes()))
                .withMemberSize(p.members().size().bytes()).withIoMode(p.directIo() ? IoMode.AUTO : IoMode.BUFFERED);
        List<Path> existing = paths.stream().filter(Files::exists).toList();
        try {
            if (existing.isEmpty()) {
                Files.createDirectories(paths.getFirst().toAbsolutePath().getParent());
                int perGroup = paths.size() / p.groups();
                Pool pool = Pool.create(paths.subList(0, perGroup), options, meters);
                for (int g = 1; g < p.groups(); g++) {
                    pool.addGroup(paths.subList(g * perGroup, (g + 1) * perGroup));
                }
                return new RaidPoolService(pool, paths);
            }
            // No catalog yet: no extent is live, so every row is free space (nothing writes to the pool).
            return new RaidPoolService(Pool.open(existing, options, meters, List.of()), paths);
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
                + org.vtl.config.ByteSize.ofBytes(s.capacityBytes()) + " usable, " + state(s);
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
        return new PoolView(state(s), s.capacityBytes(), s.usedBytes(), s.freeBytes(), 1.0, chunk, groups);
    }

    @Override
    public PoolView addGroup(List<String> paths, long sizeBytes, JobProgress progress) {
        throw ApiException.unavailable("pool layout changes", "the catalog (it records the new members so the "
                + "pool reassembles after a restart)");
    }

    @Override
    public PoolView replaceMember(int member, String path, JobProgress progress) {
        throw ApiException.unavailable("pool layout changes", "the catalog (it records the new members so the "
                + "pool reassembles after a restart)");
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

    /** The member paths the pool was opened with. */
    List<Path> members() {
        return members;
    }

    @Override
    public void close() throws IOException {
        pool.close();
    }
}
