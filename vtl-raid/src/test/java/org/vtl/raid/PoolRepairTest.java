package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.raid.io.MemberState;

class PoolRepairTest {

    private static final long MEMBER = (1 << 20) + 48 * (PoolFixture.CHUNK + 4096);

    @TempDir
    Path dir;

    private final List<Extent> extents = new ArrayList<>();

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private List<Path> writtenPool(int stripes) throws Exception {
        List<Path> paths = PoolFixture.members(dir, "m", 6);
        try (Pool pool = Pool.create(paths, PoolFixture.options(MEMBER), null)) {
            for (int i = 0; i < stripes; i++) {
                int length = i % 4 == 3 ? 1 + i * 311 : pool.stripeCapacity();
                extents.add(PoolFixture.write(pool, length, i));
            }
            pool.sync();
        }
        return paths;
    }

    private void assertAllContent(Pool pool) throws Exception {
        for (int i = 0; i < extents.size(); i++) {
            PoolFixture.assertContent(pool, extents.get(i), i);
        }
    }

    private static List<Path> without(List<Path> paths, int... indexes) {
        List<Path> given = new ArrayList<>(paths);
        for (int i = indexes.length - 1; i >= 0; i--) {
            given.remove(indexes[i]);
        }
        return given;
    }

    @Test
    void aReplacedMemberIsRebuiltThenTwoOtherMembersCanBeLost() throws Exception {
        List<Path> paths = writtenPool(20);
        Path replacement = dir.resolve("new2.img");
        try (Pool pool = Pool.open(without(paths, 2), PoolFixture.options(MEMBER), null, extents)) {
            pool.replaceMember(0, 2, replacement);
            await(() -> pool.status().members().get(2).state() == MemberState.ONLINE, "rebuild");
            assertEquals(GroupState.ONLINE, pool.status().groups().getFirst().state());
            assertTrue(pool.status().rebuild().repaired() > 0);
        }
        List<Path> rebuilt = new ArrayList<>(paths);
        rebuilt.set(2, replacement);
        try (Pool pool = Pool.open(without(rebuilt, 0, 5), PoolFixture.options(0), null, extents)) {
            assertAllContent(pool);
        }
        try (Pool pool = Pool.open(without(rebuilt, 0, 5), PoolFixture.options(0), null, extents)) {
            assertAllContent(pool);
        }
    }

    @Test
    void onlyAFailedMemberCanBeReplaced() throws Exception {
        List<Path> paths = writtenPool(2);
        try (Pool pool = Pool.open(paths, PoolFixture.options(MEMBER), null, extents)) {
            PoolException error = assertThrows(PoolException.class,
                    () -> pool.replaceMember(0, 1, dir.resolve("x.img")));
            assertTrue(error.getMessage().contains("only a failed member can be replaced"), error.getMessage());
        }
    }

    @Test
    void anInterruptedRebuildResumesFromItsCheckpointAfterRestart() throws Exception {
        List<Path> paths = writtenPool(40);
        Path replacement = dir.resolve("new4.img");
        long rowBytes = 6L * PoolFixture.CHUNK;
        PoolOptions slow = PoolFixture.options(MEMBER).withRebuildRate(rowBytes * 8);
        long checkpoint;
        try (Pool pool = Pool.open(without(paths, 4), slow, null, extents)) {
            pool.replaceMember(0, 4, replacement);
            await(() -> pool.status().rebuild().rowsDone() >= 12, "rebuild progress");
            checkpoint = pool.status().rebuild().rowsDone();
            assertEquals(MemberState.REBUILDING, pool.status().members().get(4).state());
        }
        List<Path> withReplacement = new ArrayList<>(paths);
        withReplacement.set(4, replacement);
        try (Pool pool = Pool.open(withReplacement, PoolFixture.options(0), null, extents)) {
            assertTrue(pool.status().rebuild().rowsDone() >= checkpoint - 8,
                    "resumed at " + pool.status().rebuild().rowsDone() + ", checkpoint was " + checkpoint);
            await(() -> pool.status().members().get(4).state() == MemberState.ONLINE, "rebuild to finish");
        }
        try (Pool pool = Pool.open(without(withReplacement, 1, 3), PoolFixture.options(0), null, extents)) {
            assertAllContent(pool);
        }
    }

    @Test
    void readsAndWritesContinueDuringRebuild() throws Exception {
        List<Path> paths = writtenPool(30);
        Path replacement = dir.resolve("new0.img");
        PoolOptions slow = PoolFixture.options(MEMBER).withRebuildRate(6L * PoolFixture.CHUNK * 20);
        try (Pool pool = Pool.open(without(paths, 0), slow, null, extents)) {
            pool.replaceMember(0, 0, replacement);
            for (int i = 30; i < 40; i++) {
                extents.add(PoolFixture.write(pool, 1 + i * 1009 % pool.stripeCapacity(), i));
                PoolFixture.assertContent(pool, extents.get(i % 30), i % 30);
            }
            assertTrue(pool.status().rebuild().running() || pool.status().members().getFirst().state()
                    == MemberState.ONLINE);
            await(() -> pool.status().members().getFirst().state() == MemberState.ONLINE, "rebuild");
            assertAllContent(pool);
        }
        List<Path> rebuilt = new ArrayList<>(paths);
        rebuilt.set(0, replacement);
        try (Pool pool = Pool.open(without(rebuilt, 1, 2), PoolFixture.options(0), null, extents)) {
            assertAllContent(pool);
        }
    }

    @Test
    void anAddedGroupGrowsCapacityAtOnceAndNewStripesSpreadOverGroups() throws Exception {
        List<Path> paths = writtenPool(10);
        List<Path> added = PoolFixture.members(dir, "g1-", 6);
        List<Path> all = new ArrayList<>(paths);
        all.addAll(added);
        try (Pool pool = Pool.open(paths, PoolFixture.options(MEMBER), null, extents)) {
            long before = pool.status().capacityBytes();
            pool.addGroup(added);
            assertEquals(2 * before, pool.status().capacityBytes());
            Set<Integer> groups = new HashSet<>();
            for (int i = 10; i < 20; i++) {
                Extent e = PoolFixture.write(pool, pool.stripeCapacity(), i);
                groups.add(e.group());
                extents.add(e);
            }
            assertEquals(Set.of(0, 1), groups);
            assertAllContent(pool);
        }
        List<Path> reversed = new ArrayList<>(all.reversed());
        try (Pool pool = Pool.open(reversed, PoolFixture.options(0), null, extents)) {
            assertEquals(2, pool.status().groups().size());
            assertAllContent(pool);
        }
        try (Pool pool = Pool.open(without(all, 0, 3, 7, 11), PoolFixture.options(0), null, extents)) {
            assertAllContent(pool);
        }
    }

    @Test
    void aPoolMissingAWholeGroupIsRefused() throws Exception {
        List<Path> paths = writtenPool(2);
        List<Path> added = PoolFixture.members(dir, "g1-", 6);
        try (Pool pool = Pool.open(paths, PoolFixture.options(MEMBER), null, extents)) {
            pool.addGroup(added);
        }
        PoolException error = assertThrows(PoolException.class,
                () -> Pool.open(added, PoolFixture.options(0), null, List.of()));
        assertTrue(error.getMessage().contains("group 0"), error.getMessage());
    }
}
