package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.raid.io.MemberState;
import org.vtl.raid.layout.StripeLayout;

class PoolFailureTest {

    private static final int MEMBERS = 6;
    private static final long MEMBER = (1 << 20) + 32 * (PoolFixture.CHUNK + 4096);

    @TempDir
    Path dir;

    private final List<Extent> extents = new ArrayList<>();

    /** Writes a mix of full and narrow stripes (seed = index) and closes the pool. */
    private List<Path> writtenPool() throws Exception {
        List<Path> paths = PoolFixture.members(dir, "m", MEMBERS);
        try (Pool pool = Pool.create(paths, PoolFixture.options(MEMBER), null)) {
            for (int i = 0; i < 12; i++) {
                int length = i % 3 == 0 ? pool.stripeCapacity() : 1 + (i * 3001) % pool.stripeCapacity();
                extents.add(PoolFixture.write(pool, length, i));
            }
            pool.sync();
        }
        return paths;
    }

    private void assertAllContent(Pool pool) throws IOException {
        for (int i = 0; i < extents.size(); i++) {
            PoolFixture.assertContent(pool, extents.get(i), i);
        }
    }

    private static List<int[]> oneAndTwoMemberPatterns() {
        List<int[]> patterns = new ArrayList<>();
        for (int a = 0; a < MEMBERS; a++) {
            patterns.add(new int[] {a});
            for (int b = a + 1; b < MEMBERS; b++) {
                patterns.add(new int[] {a, b});
            }
        }
        return patterns;
    }

    @Test
    void everyOneAndTwoMissingMemberPatternReadsByteExact() throws Exception {
        List<Path> paths = writtenPool();
        Path backup = Files.createDirectory(dir.resolve("backup"));
        for (Path p : paths) {
            Files.copy(p, backup.resolve(p.getFileName()));
        }
        for (int[] missing : oneAndTwoMemberPatterns()) {
            for (Path p : paths) {
                Files.copy(backup.resolve(p.getFileName()), p, StandardCopyOption.REPLACE_EXISTING);
            }
            List<Path> given = new ArrayList<>(paths);
            for (int i = missing.length - 1; i >= 0; i--) {
                given.remove(missing[i]);
            }
            try (Pool pool = Pool.open(given, PoolFixture.options(0), null, extents)) {
                assertEquals(GroupState.DEGRADED, pool.status().groups().getFirst().state());
                for (int m : missing) {
                    assertEquals(MemberState.FAILED, pool.status().members().get(m).state(), "member " + m);
                }
                assertAllContent(pool);
            }
        }
    }

    @Test
    void everyOneAndTwoCorruptMemberPatternIsReconstructedAndRepairedOnRead() throws Exception {
        List<Path> paths = writtenPool();
        StripeLayout layout = new StripeLayout(MEMBERS - 2, PoolFixture.CHUNK);
        byte[][] pristine = new byte[MEMBERS][];
        for (int i = 0; i < MEMBERS; i++) {
            pristine[i] = Files.readAllBytes(paths.get(i));
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int[] corrupt : oneAndTwoMemberPatterns()) {
            for (int i = 0; i < MEMBERS; i++) {
                Files.write(paths.get(i), pristine[i]);
            }
            for (int m : corrupt) {
                scribbleOverChunks(paths.get(m), layout, random);
            }
            try (Pool pool = Pool.open(paths, PoolFixture.options(0), null, extents)) {
                assertAllContent(pool);
            }
            for (int m : corrupt) {
                assertRepaired(paths.get(m), pristine[m], layout, m);
            }
        }
    }

    private void scribbleOverChunks(Path member, StripeLayout layout, SplittableRandom random) throws IOException {
        byte[] noise = new byte[layout.chunkSize()];
        try (FileChannel ch = FileChannel.open(member, StandardOpenOption.WRITE)) {
            for (Extent e : extents) {
                random.nextBytes(noise);
                ch.write(ByteBuffer.wrap(noise), layout.chunkOffset(e.row()));
            }
        }
    }

    /** Every data chunk the member holds for a live stripe is back to its original bytes (parity is scrub's job). */
    private void assertRepaired(Path member, byte[] pristine, StripeLayout layout, int index) throws IOException {
        byte[] now = Files.readAllBytes(member);
        for (Extent e : extents) {
            int role = layout.role(e.row(), index, e.width());
            if (role < 0 || role >= e.width()) {
                continue;
            }
            int from = (int) layout.chunkOffset(e.row());
            int to = from + layout.chunkSize();
            assertEquals(-1, java.util.Arrays.mismatch(now, from, to, pristine, from, to),
                    "member " + index + " row " + e.row() + " not repaired");
        }
    }

    @Test
    void writesContinueWithTwoMembersDownAndSurviveRestart() throws Exception {
        List<Path> paths = writtenPool();
        List<Path> survivors = List.of(paths.get(0), paths.get(2), paths.get(3), paths.get(5));
        try (Pool pool = Pool.open(survivors, PoolFixture.options(0), null, extents)) {
            for (int i = 12; i < 18; i++) {
                extents.add(PoolFixture.write(pool, 1 + i * 1777 % pool.stripeCapacity(), i));
            }
            pool.sync();
            assertAllContent(pool);
        }
        try (Pool pool = Pool.open(survivors, PoolFixture.options(0), null, extents)) {
            assertAllContent(pool);
        }
    }

    @Test
    void aThirdMissingMemberFailsTheGroupWithErrorsNotData() throws Exception {
        List<Path> paths = writtenPool();
        try (Pool pool = Pool.open(paths.subList(0, 3), PoolFixture.options(0), null, extents)) {
            assertEquals(GroupState.FAILED, pool.status().groups().getFirst().state());
            StripeLayout layout = new StripeLayout(MEMBERS - 2, PoolFixture.CHUNK);
            for (int i = 0; i < extents.size(); i++) {
                Extent e = extents.get(i);
                int lost = 0;
                for (int m = 3; m < MEMBERS; m++) {
                    lost += layout.role(e.row(), m, e.width()) >= 0 ? 1 : 0;
                }
                if (lost > 2) {
                    PoolException error = assertThrows(PoolException.class,
                            () -> pool.read(e, 0, ByteBuffer.allocate(e.length())));
                    assertTrue(error.getMessage().contains("stripe 0/" + e.row()), error.getMessage());
                } else {
                    PoolFixture.assertContent(pool, e, i);
                }
            }
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> pool.write(pool.claim(), 100).get());
            assertTrue(refused.getCause().getMessage().contains("no writable group"), refused.getMessage());
        }
    }

    @Test
    void threeCorruptChunksInOneStripeAreAnErrorNeverWrongData() throws Exception {
        List<Path> paths = writtenPool();
        StripeLayout layout = new StripeLayout(MEMBERS - 2, PoolFixture.CHUNK);
        SplittableRandom random = new SplittableRandom(3);
        for (int m = 0; m < 3; m++) {
            scribbleOverChunks(paths.get(m), layout, random);
        }
        try (Pool pool = Pool.open(paths, PoolFixture.options(0), null, extents)) {
            Extent full = extents.getFirst();
            PoolException error = assertThrows(PoolException.class,
                    () -> pool.read(full, 0, ByteBuffer.allocate(full.length())));
            assertTrue(error.getMessage().contains("more than RAID-6 can rebuild"), error.getMessage());
        }
    }

    @Test
    void aMemberFailedOutEarlierIsRefusedAsStaleNamingItsPath() throws Exception {
        List<Path> paths = writtenPool();
        try (Pool pool = Pool.open(paths.subList(1, MEMBERS), PoolFixture.options(0), null, extents)) {
            assertEquals(MemberState.FAILED, pool.status().members().getFirst().state());
        }
        PoolException error = assertThrows(PoolException.class,
                () -> Pool.open(paths, PoolFixture.options(0), null, extents));
        assertTrue(error.getMessage().startsWith(paths.getFirst() + ": stale member 0"), error.getMessage());
    }

    @Test
    void aMemberOfAnotherPoolIsRefusedAsForeign() throws Exception {
        List<Path> paths = writtenPool();
        List<Path> other = PoolFixture.members(dir, "other", 4);
        Pool.create(other, PoolFixture.options(MEMBER), null).close();
        List<Path> mixed = new ArrayList<>(paths);
        mixed.add(other.get(1));
        PoolException error = assertThrows(PoolException.class,
                () -> Pool.open(mixed, PoolFixture.options(0), null, extents));
        assertTrue(error.getMessage().startsWith(other.get(1) + ": foreign member"), error.getMessage());
    }

    @Test
    void theSameMemberGivenTwiceIsRefusedAsDuplicate() throws Exception {
        List<Path> paths = writtenPool();
        List<Path> twice = new ArrayList<>(paths);
        twice.add(paths.get(2));
        PoolException error = assertThrows(PoolException.class,
                () -> Pool.open(twice, PoolFixture.options(0), null, extents));
        assertTrue(error.getMessage().contains("duplicate of member 2 of group 0"), error.getMessage());
        assertTrue(error.getMessage().contains(paths.get(2).toString()), error.getMessage());
    }

    @Test
    void aTruncatedMemberIsRefusedAsTooSmall() throws Exception {
        List<Path> paths = writtenPool();
        try (FileChannel ch = FileChannel.open(paths.get(4), StandardOpenOption.WRITE)) {
            ch.truncate(MEMBER / 2);
        }
        PoolException error = assertThrows(PoolException.class,
                () -> Pool.open(paths, PoolFixture.options(0), null, extents));
        assertTrue(error.getMessage().startsWith(paths.get(4) + ": too small"), error.getMessage());
    }

    @Test
    void aFileWithoutSuperblockIsRefusedAsNotAMember() throws Exception {
        List<Path> paths = writtenPool();
        Path stranger = Files.write(dir.resolve("stranger.img"), new byte[3 << 20]);
        List<Path> given = new ArrayList<>(paths);
        given.add(stranger);
        PoolException error = assertThrows(PoolException.class,
                () -> Pool.open(given, PoolFixture.options(0), null, extents));
        assertEquals(stranger + ": not a vtl-raid member (no valid superblock)", error.getMessage());
    }

    @Test
    void createRefusesToOverwriteAnExistingMember() throws Exception {
        List<Path> paths = writtenPool();
        PoolException error = assertThrows(PoolException.class,
                () -> Pool.create(paths, PoolFixture.options(MEMBER), null));
        assertTrue(error.getMessage().startsWith(paths.getFirst() + ": already a member of pool"), error.getMessage());
    }

    @Test
    void aMemberFailingAtRuntimeIsReconstructedAroundRecordedAndThenRefusedAsStale() throws Exception {
        List<Path> paths = writtenPool();
        try (Pool pool = Pool.open(paths, PoolFixture.options(0), null, extents)) {
            try (FileChannel ch = FileChannel.open(paths.get(3), StandardOpenOption.WRITE)) {
                ch.truncate(StripeLayout.DATA_START);
            }
            assertAllContent(pool);
            assertEquals(MemberState.FAILED, pool.status().members().get(3).state());
            assertEquals(GroupState.DEGRADED, pool.status().groups().getFirst().state());
            extents.add(PoolFixture.write(pool, pool.stripeCapacity(), extents.size()));
            pool.sync();
        }
        PoolException error = assertThrows(PoolException.class,
                () -> Pool.open(paths, PoolFixture.options(0), null, extents));
        assertTrue(error.getMessage().startsWith(paths.get(3) + ": stale member 3"), error.getMessage());
        List<Path> survivors = new ArrayList<>(paths);
        survivors.remove(3);
        try (Pool pool = Pool.open(survivors, PoolFixture.options(0), null, extents)) {
            assertAllContent(pool);
        }
    }
}
