package org.vtl.cartridge.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.ReadOutcome;
import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.TestBlocks;

/**
 * The durability contract under kill -9: a child JVM streams objects to a cartridge (RAID-6 pool of file
 * members with 32 KiB stripes, compression engine, RocksDB catalog, fsync on) and is killed at random
 * moments: in the middle of writes, sync points, truncations, checkpoints and recovery. After each kill the
 * cartridge must hold exactly a prefix of what was written (the old content, or the old content up to the
 * truncation point followed by the new epoch's objects), at least up to the last acknowledged sync point,
 * every block intact (CRC32C) and end-of-data where the prefix ends.
 */
class CartridgeCrashTest {

    private static final int KILLS = 50;

    @TempDir
    Path directory;

    /** The epoch that wrote each object now on the cartridge; index = logical object. */
    private List<Integer> content = new ArrayList<>();

    /** What one read returned: the kind and, for data, the bytes. */
    private record Observed(RecordKind kind, byte[] bytes) {
    }

    @Test
    void killedWriterLeavesAPrefixIncludingEveryAcknowledgedSyncPoint() throws Exception {
        CrashStorage.create(directory);
        Random random = new Random(20261123L);
        int acknowledgedRuns = 0;
        int unacknowledgedSurvivors = 0;
        long childNanos = 0;
        long verifyNanos = 0;
        for (int epoch = 1; epoch <= KILLS; epoch++) {
            int start = Math.max(0, content.size() - random.nextInt(12));
            long t0 = System.nanoTime();
            long acknowledged = runAndKill(epoch, start, random);
            long t1 = System.nanoTime();
            List<Observed> observed = readCartridge();
            childNanos += t1 - t0;
            verifyNanos += System.nanoTime() - t1;
            assertTrue(observed.size() >= acknowledged,
                    "epoch " + epoch + ": " + observed.size() + " objects, " + acknowledged + " acknowledged");
            if (matches(observed, content)) {
                // Nothing of this epoch became durable: allowed only if nothing was acknowledged beyond it.
                assertTrue(acknowledged <= start || observed.size() >= acknowledged, "epoch " + epoch);
            } else {
                List<Integer> written = new ArrayList<>(content.subList(0, start));
                while (written.size() < observed.size()) {
                    written.add(epoch);
                }
                assertTrue(observed.size() >= start && matches(observed, written),
                        "epoch " + epoch + ": content is not a prefix of what was written (start " + start
                                + ", " + observed.size() + " objects)");
                content = written;
            }
            acknowledgedRuns += acknowledged > start ? 1 : 0;
            unacknowledgedSurvivors += content.size() > Math.max(acknowledged, start) ? 1 : 0;
        }
        System.out.printf("%d kills, %d runs with acknowledged sync points, %d with objects beyond the last one,"
                + " %d objects at the end; %d s in children, %d s verifying%n", KILLS, acknowledgedRuns,
                unacknowledgedSurvivors, content.size(), childNanos / 1_000_000_000L, verifyNanos / 1_000_000_000L);
        assertTrue(acknowledgedRuns >= KILLS / 3, "children reached sync points in " + acknowledgedRuns + " runs");
    }

    private static boolean matches(List<Observed> observed, List<Integer> epochs) {
        if (observed.size() != epochs.size()) {
            return false;
        }
        for (int i = 0; i < observed.size(); i++) {
            Observed o = observed.get(i);
            int epoch = epochs.get(i);
            if (CrashingWriter.isFilemark(i, epoch)) {
                if (o.kind() != RecordKind.FILEMARK) {
                    return false;
                }
            } else if (o.kind() != RecordKind.DATA || !Arrays.equals(o.bytes(),
                    TestBlocks.bytes(CrashingWriter.seed(i, epoch), CrashingWriter.length(i, epoch)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A directory holding RocksDB's JNI library, extracted once, so each child loads it instead of extracting
     * its 17 MB again (RocksDB tries java.library.path first).
     */
    private Path nativeLibraries() throws IOException {
        Path dir = directory.resolve("native");
        String name = "librocksdbjni-linux64.so";
        if (!Files.exists(dir.resolve(name))) {
            Files.createDirectories(dir);
            try (InputStream in = CartridgeCrashTest.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    Files.copy(in, dir.resolve(name));
                }
            }
        }
        return dir;
    }

    /** Starts a child writing epoch {@code epoch} from {@code start}, kills it at a random moment. */
    private long runAndKill(int epoch, long start, Random random) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-Djava.library.path=" + nativeLibraries(),
                "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), directory.toString(), Integer.toString(epoch), Long.toString(start),
                Long.toString(random.nextLong()));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        long acknowledged = 0;
        boolean early = random.nextInt(4) == 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            if (early) {
                Thread.sleep(100 + random.nextInt(600));
            } else {
                // Skip the child's log lines until it is positioned and about to write.
                String ready;
                do {
                    ready = out.readLine();
                } while (ready != null && !ready.startsWith("READY"));
                if (ready == null) {
                    fail("child did not start, exit " + child.waitFor());
                }
                Thread.sleep(random.nextInt(250));
            }
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of its stdout,
            // losing SYNC lines the child printed before it died.
            child.toHandle().destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SYNC ")) {
                    acknowledged = Long.parseLong(line.substring(5));
                }
            }
        }
        return acknowledged;
    }

    /** Opens the store in this process (recovery), reads every object to end-of-data, closes it. */
    private List<Observed> readCartridge() throws Exception {
        try (CrashStorage storage = CrashStorage.open(directory)) {
            LogCartridgeStore store = storage.store();
            if (store.find(CrashingWriter.BARCODE).isEmpty()) {
                return List.of();
            }
            try (MountedCartridge c = store.mount(CrashingWriter.BARCODE)) {
                return readAll(c);
            }
        }
    }

    /** Reads to end-of-data; every block must pass its CRC (a failure is an exception). */
    private static List<Observed> readAll(MountedCartridge c) throws MediumException {
        List<Observed> objects = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocateDirect(CrashingWriter.POLICY.maxBlockSize());
        for (long i = 0; ; i++) {
            buffer.clear();
            ReadOutcome r = c.read(buffer);
            if (r.kind() == RecordKind.END_OF_DATA) {
                assertTrue(c.position().endOfData());
                assertEquals(i, c.position().logicalObject());
                return objects;
            }
            buffer.flip();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            assertEquals(r.recordLength(), bytes.length);
            objects.add(new Observed(r.kind(), bytes));
        }
    }
}
