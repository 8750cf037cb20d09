package org.vtl.raid;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The child JVM of {@link PoolCrashTest}: opens the pool with the extents acknowledged in earlier rounds,
 * then writes stripes forever, four in flight at a time, printing {@code ACK seed group row width length}
 * for each once the four are written and the pool synced. The parent kills it with SIGKILL at an arbitrary
 * point, usually while stripes are in flight.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int members = Integer.parseInt(args[1]);
        long firstSeed = Long.parseLong(args[3]);
        List<Extent> declared = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
            String[] f = line.trim().split(" ");
            declared.add(new Extent(Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4])));
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(firstSeed);
        try (Pool pool = Pool.open(PoolFixture.members(dir, "m", members), PoolFixture.options(0), null, declared)) {
            ArrayDeque<CompletableFuture<Extent>> inFlight = new ArrayDeque<>();
            ArrayDeque<Long> seeds = new ArrayDeque<>();
            for (long seed = firstSeed; ; seed++) {
                int length = random.nextBoolean() ? pool.stripeCapacity() : 1 + random.nextInt(pool.stripeCapacity());
                StripeBuffer b = pool.claim();
                PoolFixture.fill(b.data(), length, seed);
                inFlight.add(pool.write(b, length));
                seeds.add(seed);
                if (inFlight.size() == 4) {
                    List<String> acks = new ArrayList<>();
                    while (!inFlight.isEmpty()) {
                        Extent e = inFlight.poll().get();
                        acks.add("ACK " + seeds.poll() + " " + e.group() + " " + e.row() + " " + e.width() + " "
                                + e.length());
                    }
                    pool.sync();
                    acks.forEach(out::println);
                }
            }
        }
    }
}
