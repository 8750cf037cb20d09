package org.vtl.raid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-hole proof (docs/adr/0001-write-hole.md): a child JVM writes and syncs stripes and is killed
 * with SIGKILL mid-stream, three times over the same pool; after each kill every acknowledged extent must
 * read back byte-exact, including with two members missing.
 */
class PoolCrashTest {

    private static final int MEMBERS = 6;
    private static final long MEMBER = (1 << 20) + 200 * (PoolFixture.CHUNK + 4096);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedExtentSurvivesAKillMidWrite() throws Exception {
        Pool.create(PoolFixture.members(dir, "m", MEMBERS), PoolFixture.options(MEMBER), null).close();
        List<String> acked = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            acked.addAll(runAndKill(acked, 1000L * round, 15 + 10 * round));
            List<Extent> extents = new ArrayList<>();
            for (String line : acked) {
                extents.add(extentOf(line));
            }
            try (Pool pool = Pool.open(PoolFixture.members(dir, "m", MEMBERS), PoolFixture.options(0), null,
                    extents)) {
                for (String line : acked) {
                    PoolFixture.assertContent(pool, extentOf(line), Long.parseLong(line.split(" ")[1]));
                }
            }
        }
        List<Path> survivors = new ArrayList<>(PoolFixture.members(dir, "m", MEMBERS));
        survivors.remove(4);
        survivors.remove(1);
        List<Extent> extents = acked.stream().map(PoolCrashTest::extentOf).toList();
        try (Pool pool = Pool.open(survivors, PoolFixture.options(0), null, extents)) {
            for (String line : acked) {
                PoolFixture.assertContent(pool, extentOf(line), Long.parseLong(line.split(" ")[1]));
            }
        }
    }

    private static Extent extentOf(String ack) {
        String[] f = ack.split(" ");
        return new Extent(Integer.parseInt(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4]),
                Integer.parseInt(f[5]));
    }

    /** Runs a child writer until it has acknowledged {@code count} stripes, then kills it with SIGKILL. */
    private List<String> runAndKill(List<String> declared, long firstSeed, int count) throws Exception {
        Path declaredFile = dir.resolve("declared-" + firstSeed + ".txt");
        List<String> declaredLines = declared.stream().map(l -> l.substring(4)).toList();
        Files.write(declaredFile, declaredLines, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString(), Integer.toString(MEMBERS), declaredFile.toString(),
                Long.toString(firstSeed));
        builder.redirectError(dir.resolve("child-" + firstSeed + ".err").toFile());
        Process child = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("EOF " + e);
            }
        });
        List<String> acks = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (acks.size() < count && System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("ACK ")) {
                    acks.add(line);
                }
                assertTrue(line != null || child.isAlive(), "child died early; see " + dir + "/child-*.err");
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            pump.join(5000);
        }
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            if (line.startsWith("ACK ")) {
                acks.add(line);
            }
        }
        assertTrue(acks.size() >= count, "child acknowledged only " + acks.size() + " stripes");
        return acks;
    }
}
