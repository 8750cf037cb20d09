package org.vtl.bench.raid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vtl.raid.Extent;
import org.vtl.raid.Pool;
import org.vtl.raid.PoolOptions;
import org.vtl.raid.StripeBuffer;
import org.vtl.raid.io.IoMode;
import org.vtl.raid.io.MemberFile;

/**
 * The pool-versus-plain-file write ratio of {@link PoolWriteBenchmark}, measured in alternating short windows
 * (pool, plain, pool, plain...) in one JVM, so that load from other processes on a shared machine hits both
 * sides of each pair alike; prints every pair and the median ratio. Same setup as the JMH benchmark: k = 4,
 * 256 KiB chunks, one stripe of user bytes per operation, {@value #IN_FLIGHT} operations in flight on both
 * sides, fdatasync every {@value #SYNC_EVERY} operations, same I/O mode.
 *
 * <p>Usage: {@code PoolWritePairs DIRECT|BUFFERED [pairs] [windowMillis] [dir]}.
 */
public final class PoolWritePairs {

    private static final int K = 4;
    private static final int CHUNK = 256 * 1024;
    private static final int IN_FLIGHT = 8;
    private static final int SYNC_EVERY = 16;
    private static final long MEMBER_BYTES = 320L << 20;
    /** Unreported pairs first: JIT compilation, and the first pass over both sides' files allocates blocks. */
    private static final int WARM_UP_PAIRS = 5;

    private final Pool pool;
    private final FileChannel plain;
    private final ExecutorService plainWriters;
    private final ByteBuffer[] plainBuffers = new ByteBuffer[IN_FLIGHT];
    private final long plainLimit = (K + 2) * MEMBER_BYTES;
    private long plainPosition;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    /** Process CPU seconds per GB of user data in the last window (all threads: writers, flushes, JIT, GC). */
    private double cpuPerGb;
    /** CPU microseconds of the submitting thread per operation in the last window (parity, CRCs, hand-off). */
    private double callerMicrosPerOp;

    private PoolWritePairs(Path dir, IoMode io) throws IOException {
        List<Path> members = new ArrayList<>();
        for (int i = 0; i < K + 2; i++) {
            members.add(dir.resolve("member" + i + ".img"));
        }
        pool = Pool.create(members, PoolOptions.defaults().withChunkSize(CHUNK).withMemberSize(MEMBER_BYTES)
                .withIoMode(io).withStripeBuffers(IN_FLIGHT + 2), null);
        Path file = dir.resolve("plain.img");
        plain = io == IoMode.DIRECT
                ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        com.sun.nio.file.ExtendedOpenOption.DIRECT)
                : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        for (int b = 0; b < IN_FLIGHT; b++) {
            plainBuffers[b] = MemberFile.aligned(K * CHUNK).slice();
            for (int i = 0; i < plainBuffers[b].capacity(); i++) {
                plainBuffers[b].put(i, (byte) (i * 31 + b));
            }
        }
        plainWriters = Executors.newFixedThreadPool(IN_FLIGHT, Thread.ofPlatform().daemon().factory());
    }

    /** Stripes through the pool for {@code millis}; returns user bytes per second. */
    @SuppressWarnings("unchecked")
    private double poolWindow(long millis) throws Exception {
        CompletableFuture<Extent>[] window = new CompletableFuture[IN_FLIGHT];
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        long callerCpu = THREADS.getCurrentThreadCpuTime();
        int ops = 0;
        while (System.nanoTime() < end) {
            int slot = ops % IN_FLIGHT;
            if (window[slot] != null) {
                pool.free(window[slot].get());
            }
            StripeBuffer b = pool.claim();
            b.data().put(0, (byte) ops);
            window[slot] = pool.write(b, b.capacity());
            if (++ops % SYNC_EVERY == 0) {
                pool.sync();
            }
        }
        for (CompletableFuture<Extent> f : window) {
            if (f != null) {
                pool.free(f.get());
            }
        }
        pool.sync();
        callerMicrosPerOp = (THREADS.getCurrentThreadCpuTime() - callerCpu) / 1e3 / ops;
        return rate(ops, start, cpu);
    }

    /** The same user bytes to one plain file, same depth; returns bytes per second. */
    private double plainWindow(long millis) throws Exception {
        Future<?>[] window = new Future<?>[IN_FLIGHT];
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        long callerCpu = THREADS.getCurrentThreadCpuTime();
        int ops = 0;
        while (System.nanoTime() < end) {
            int slot = ops % IN_FLIGHT;
            if (window[slot] != null) {
                window[slot].get();
            }
            ByteBuffer src = plainBuffers[slot];
            long at = plainPosition;
            window[slot] = plainWriters.submit(() -> writeFully(src.clear(), at));
            plainPosition = plainPosition + 2L * src.capacity() > plainLimit ? 0 : plainPosition + src.capacity();
            if (++ops % SYNC_EVERY == 0) {
                plain.force(false);
            }
        }
        for (Future<?> f : window) {
            if (f != null) {
                f.get();
            }
        }
        plain.force(false);
        callerMicrosPerOp = (THREADS.getCurrentThreadCpuTime() - callerCpu) / 1e3 / ops;
        return rate(ops, start, cpu);
    }

    private double rate(int ops, long startNanos, long startCpu) {
        double bytes = (double) ops * K * CHUNK;
        cpuPerGb = (os.getProcessCpuTime() - startCpu) / 1e9 / (bytes / 1e9);
        return bytes / ((System.nanoTime() - startNanos) / 1e9);
    }

    private Void writeFully(ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += plain.write(src, at);
        }
        return null;
    }

    private void close() throws IOException {
        plainWriters.shutdown();
        pool.close();
        plain.close();
    }

    public static void main(String[] args) throws Exception {
        IoMode io = IoMode.valueOf(args.length > 0 ? args[0] : "DIRECT");
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long millis = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        Path base = Path.of(args.length > 3 ? args[3] : System.getProperty("java.io.tmpdir"));
        Path dir = Files.createTempDirectory(base, "vtl-raid-pairs");
        PoolWritePairs bench = new PoolWritePairs(dir, io);
        try {
            for (int i = 0; i < WARM_UP_PAIRS; i++) {
                bench.poolWindow(millis);
                bench.plainWindow(millis);
            }
            double[] ratios = new double[pairs];
            double[] poolRates = new double[pairs];
            double[] plainRates = new double[pairs];
            double[] poolCpu = new double[pairs];
            double[] plainCpu = new double[pairs];
            double[] poolCaller = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                poolRates[i] = bench.poolWindow(millis);
                poolCpu[i] = bench.cpuPerGb;
                poolCaller[i] = bench.callerMicrosPerOp;
                plainRates[i] = bench.plainWindow(millis);
                plainCpu[i] = bench.cpuPerGb;
                ratios[i] = poolRates[i] / plainRates[i];
                System.out.printf("pair %2d  pool %5.0f MB/s %.3f CPU s/GB  plain %5.0f MB/s %.3f CPU s/GB  ratio %.3f"
                        + "  (%.0f %% of the ceiling)%n", i, poolRates[i] / 1e6, poolCpu[i], plainRates[i] / 1e6,
                        plainCpu[i], ratios[i], 100 * ratios[i] * (K + 2) / K);
            }
            System.out.printf("%s median CPU per GB of user data: pool %.3f s, plain %.3f s; submitting thread"
                    + " %.0f us per pool stripe%n", io, median(poolCpu), median(plainCpu), median(poolCaller));
            double ratio = median(ratios);
            System.out.printf("%s median: pool %.0f MB/s, plain %.0f MB/s, ratio %.3f = %.0f %% of the ceiling"
                    + " (ratio quartiles %.3f .. %.3f)%n", io, median(poolRates) / 1e6, median(plainRates) / 1e6,
                    ratio, 100 * ratio * (K + 2) / K, quantile(ratios, 0.25), quantile(ratios, 0.75));
        } finally {
            bench.close();
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
