package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.raid.io.MemberState;

class PoolConcurrencyTest {

    private static final long MEMBER = (1 << 20) + 96 * (PoolFixture.CHUNK + 4096);

    @TempDir
    Path dir;

    @Test
    void writesReadsFreesScrubAndRebuildRunTogetherWithoutCorruption() throws Exception {
        List<Path> paths = PoolFixture.members(dir, "m", 6);
        Pool.create(paths, PoolFixture.options(MEMBER), null).close();
        List<Path> given = new ArrayList<>(paths);
        given.remove(1);
        List<Extent> live = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<Extent, Long> seeds = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(3);
        // The caller's side of the contract: nothing reads an extent once it is freed.
        ReentrantReadWriteLock references = new ReentrantReadWriteLock();
        try (Pool pool = Pool.open(given, PoolFixture.options(MEMBER), null, List.of())) {
            pool.replaceMember(0, 1, dir.resolve("new1.img"));
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                jobs.add(workers.submit(() -> {
                    Random random = new Random(writer);
                    for (int i = 0; i < 60; i++) {
                        long seed = writer * 1000L + i;
                        int length = 1 + random.nextInt(pool.stripeCapacity());
                        Extent e = PoolFixture.write(pool, length, seed);
                        seeds.put(e, seed);
                        live.add(e);
                        if (random.nextInt(3) == 0 && live.size() > 10) {
                            references.writeLock().lock();
                            try {
                                Extent victim = live.remove(random.nextInt(live.size()));
                                seeds.remove(victim);
                                pool.free(victim);
                            } finally {
                                references.writeLock().unlock();
                            }
                        }
                        pool.scrub();
                    }
                    return null;
                }));
            }
            jobs.add(workers.submit(() -> {
                Random random = new Random(9);
                for (int i = 0; i < 200; i++) {
                    List<Extent> snapshot = List.copyOf(live);
                    if (!snapshot.isEmpty()) {
                        Extent e = snapshot.get(random.nextInt(snapshot.size()));
                        references.readLock().lock();
                        try {
                            Long seed = seeds.get(e);
                            if (seed != null && live.contains(e)) {
                                PoolFixture.assertContent(pool, e, seed);
                            }
                        } finally {
                            references.readLock().unlock();
                        }
                    }
                }
                return null;
            }));
            for (Future<?> job : jobs) {
                job.get();
            }
            pool.scrub().get();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (pool.status().members().get(1).state() != MemberState.ONLINE && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(MemberState.ONLINE, pool.status().members().get(1).state());
            assertEquals(0, pool.status().scrub().unrepairable());
            for (Extent e : live) {
                PoolFixture.assertContent(pool, e, seeds.get(e));
            }
        } finally {
            workers.shutdownNow();
        }
        List<Path> rebuilt = new ArrayList<>(paths);
        rebuilt.set(1, dir.resolve("new1.img"));
        rebuilt.remove(4);
        rebuilt.remove(0);
        try (Pool pool = Pool.open(rebuilt, PoolFixture.options(0), null, live)) {
            for (Extent e : live) {
                PoolFixture.assertContent(pool, e, seeds.get(e));
            }
        }
    }
}
