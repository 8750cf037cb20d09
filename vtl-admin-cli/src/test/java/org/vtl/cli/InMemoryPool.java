package org.vtl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.vtl.admin.ApiException;
import org.vtl.admin.JobProgress;
import org.vtl.admin.PoolService;
import org.vtl.admin.PoolView;
import org.vtl.admin.StatsService;
import org.vtl.admin.StatsView;

/** Test double of the pool and statistics services, with a scrub that can be held open to test cancellation. */
final class InMemoryPool implements PoolService, StatsService {

    private static final long MEMBER = 16L << 40;

    private final List<List<PoolView.Member>> groups = new ArrayList<>();
    /** Counted down to let a held scrub finish; a scrub started while {@link #holdScrub} is set waits for it. */
    volatile CountDownLatch scrubGate = new CountDownLatch(0);
    volatile boolean holdScrub;

    InMemoryPool() {
        groups.add(members(0, List.of("m0", "m1", "m2", "m3", "m4", "m5"), MEMBER));
    }

    @Override
    public synchronized PoolView status() {
        List<PoolView.Group> out = new ArrayList<>();
        long capacity = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<PoolView.Member> m = groups.get(g);
            capacity += (m.size() - 2) * m.getFirst().sizeBytes();
            boolean degraded = m.stream().anyMatch(x -> !x.state().equals("online"));
            out.add(new PoolView.Group(g, degraded ? "degraded" : "online", m));
        }
        long used = 1L << 40;
        String state = out.stream().anyMatch(g -> g.state().equals("degraded")) ? "degraded" : "online";
        return new PoolView(state, capacity, used, capacity - used, 2.5, 256 << 10, out);
    }

    @Override
    public synchronized PoolView addGroup(List<String> paths, long sizeBytes, JobProgress progress) {
        int first = groups.stream().mapToInt(List::size).sum();
        groups.add(members(first, paths, sizeBytes == 0 ? MEMBER : sizeBytes));
        progress.total(1);
        progress.advance(1);
        return status();
    }

    @Override
    public synchronized PoolView replaceMember(int member, String path, JobProgress progress) {
        for (List<PoolView.Member> g : groups) {
            for (int i = 0; i < g.size(); i++) {
                if (g.get(i).index() == member) {
                    PoolView.Member old = g.get(i);
                    g.set(i, new PoolView.Member(member, path, old.sizeBytes(), "online", 0, null));
                    progress.total(1);
                    progress.advance(1);
                    return status();
                }
            }
        }
        throw ApiException.notFound("the pool has no member " + member + "; vtl pool status lists them");
    }

    @Override
    public long scrub(JobProgress progress) {
        progress.total(100);
        progress.advance(10);
        while (holdScrub && !progress.cancelled()) {
            Thread.onSpinWait();
            try {
                scrubGate.await(10, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return 0;
            }
        }
        progress.advance(90);
        return 0;
    }

    @Override
    public StatsView stats() {
        return new StatsView(List.of(new StatsView.Partition("backup2", 5_000_000_000L, 1_000_000_000L, 300e6, 0,
                2.5)), List.of(new StatsView.Drive("backup2", 0, 5_000_000_000L, 1_000_000_000L, 2_000_000_000L,
                19_074, 3_815, 300e6, 0, 2.5)));
    }

    private static List<PoolView.Member> members(int first, List<String> paths, long size) {
        List<PoolView.Member> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            out.add(new PoolView.Member(first + i, paths.get(i), size, "online", 0, null));
        }
        return out;
    }
}
