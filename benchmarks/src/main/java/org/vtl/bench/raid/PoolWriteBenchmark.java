package org.vtl.bench.raid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vtl.raid.Extent;
import org.vtl.raid.Pool;
import org.vtl.raid.PoolException;
import org.vtl.raid.PoolOptions;
import org.vtl.raid.StripeBuffer;
import org.vtl.raid.StripeListener;
import org.vtl.raid.io.IoMode;
import org.vtl.raid.io.MemberFile;

/**
 * Sequential full-stripe writes through the pool versus a plain sequential write of the same bytes to one
 * file on the same filesystem, in the same run, done the same way: same I/O mode, same user bytes per
 * operation, same number of operations in flight. One operation = one stripe of k x 256 KiB user bytes;
 * both sides fdatasync every {@link #SYNC_EVERY} operations. The pool writes (k+2)/k bytes per user
 * byte, so its ceiling is k/(k+2) of the plain write. Freed extents are reused, so the pool stays small.
 * Files go to {@code -Dvtl.bench.dir} (default java.io.tmpdir).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PoolWriteBenchmark {

    static final int SYNC_EVERY = 16;
    private static final int CHUNK = 256 * 1024;
    private static final int IN_FLIGHT = 8;
    private static final long MEMBER_BYTES = 320L << 20;

    @Param({"4"})
    int k;

    @Param({"DIRECT", "BUFFERED"})
    IoMode io;

    private Path dir;
    private Pool pool;
    @SuppressWarnings("unchecked")
    private final CompletableFuture<Extent>[] window = new CompletableFuture[IN_FLIGHT];
    private int head;
    private int ops;
    private FileChannel plain;
    private Extent[] rowExtents;
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile Thread waiter;
    private volatile PoolException failure;
    private ByteBuffer[] plainBuffers;
    private final Future<?>[] plainWindow = new Future<?>[IN_FLIGHT];
    private ExecutorService plainWriters;
    private long plainPosition;
    private long plainLimit;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path base = Path.of(System.getProperty("vtl.bench.dir", System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory(base, "vtl-raid-bench");
        List<Path> members = new ArrayList<>();
        for (int i = 0; i < k + 2; i++) {
            members.add(dir.resolve("member" + i + ".img"));
        }
        PoolOptions options = PoolOptions.defaults().withChunkSize(CHUNK).withMemberSize(MEMBER_BYTES).withIoMode(io)
                .withStripeBuffers(IN_FLIGHT + 2);
        pool = Pool.create(members, options, null);
        rowExtents = new Extent[(int) pool.status().groups().getFirst().rows()];
        for (int row = 0; row < rowExtents.length; row++) {
            rowExtents[row] = new Extent(0, row, k, pool.stripeCapacity());
        }
        Path file = dir.resolve("plain.img");
        plain = io == IoMode.DIRECT
                ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        com.sun.nio.file.ExtendedOpenOption.DIRECT)
                : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        plainBuffers = new ByteBuffer[IN_FLIGHT];
        for (int b = 0; b < IN_FLIGHT; b++) {
            plainBuffers[b] = MemberFile.aligned(pool.stripeCapacity()).slice();
            for (int i = 0; i < plainBuffers[b].capacity(); i++) {
                plainBuffers[b].put(i, (byte) (i * 31 + b));
            }
        }
        plainWriters = Executors.newFixedThreadPool(IN_FLIGHT, Thread.ofPlatform().daemon().factory());
        plainLimit = (long) (k + 2) * MEMBER_BYTES;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        while (outstanding.get() > 0) {
            Thread.sleep(1);
        }
        for (CompletableFuture<Extent> f : window) {
            if (f != null) {
                pool.free(f.get());
            }
        }
        for (Future<?> f : plainWindow) {
            if (f != null) {
                f.get();
            }
        }
        plainWriters.shutdown();
        pool.close();
        plain.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** One full stripe through the pool, up to eight in flight; each extent is freed once acknowledged. */
    @Benchmark
    public void poolStripe() throws Exception {
        CompletableFuture<Extent> oldest = window[head];
        if (oldest != null) {
            pool.free(oldest.get());
        }
        StripeBuffer b = pool.claim();
        b.data().put(0, (byte) ops);
        window[head] = pool.write(b, b.capacity());
        head = (head + 1) % IN_FLIGHT;
        if (++ops % SYNC_EVERY == 0) {
            pool.sync();
        }
    }

    /**
     * {@link #poolStripe} through the allocation-free listener form of {@code Pool.write}: up to eight
     * stripes in flight, each row freed (with an extent made once per row at setup) as soon as it is
     * acknowledged, and the benchmark thread parked while eight are outstanding.
     */
    @Benchmark
    public void poolStripeListener() throws Exception {
        waiter = Thread.currentThread();
        while (outstanding.get() >= IN_FLIGHT) {
            LockSupport.park(this);
        }
        if (failure != null) {
            throw failure;
        }
        StripeBuffer b = pool.claim();
        b.data().put(0, (byte) ops);
        outstanding.incrementAndGet();
        pool.write(b, b.capacity(), acks);
        if (++ops % SYNC_EVERY == 0) {
            pool.sync();
        }
    }

    private final StripeListener acks = new StripeListener() {
        @Override
        public void written(int group, long row, int width, int length) {
            try {
                pool.free(rowExtents[(int) row]);
            } catch (PoolException e) {
                failure = e;
            }
            done();
        }

        @Override
        public void failed(PoolException e) {
            failure = e;
            done();
        }

        private void done() {
            outstanding.decrementAndGet();
            LockSupport.unpark(waiter);
        }
    };

    /**
     * The same bytes appended to one plain file the way the pool writes them: same I/O mode and the same
     * user bytes in flight (up to {@link #IN_FLIGHT} writes of one stripe's user bytes outstanding, each a
     * positional write on a writer thread), wrapping at the pool's raw size.
     */
    @Benchmark
    public void plainFile() throws Exception {
        Future<?> oldest = plainWindow[head];
        if (oldest != null) {
            oldest.get();
        }
        long at = plainPosition;
        ByteBuffer src = plainBuffers[head];
        plainWindow[head] = plainWriters.submit(() -> writeFully(src.clear(), at));
        head = (head + 1) % IN_FLIGHT;
        plainPosition += src.capacity();
        if (plainPosition + src.capacity() > plainLimit) {
            plainPosition = 0;
        }
        if (++ops % SYNC_EVERY == 0) {
            plain.force(false);
        }
    }

    /** The old baseline: one plain write at a time on the benchmark thread (queue depth 1). */
    @Benchmark
    public void plainFileSerial() throws IOException {
        writeFully(plainBuffers[0].clear(), plainPosition);
        plainPosition += plainBuffers[0].capacity();
        if (plainPosition + plainBuffers[0].capacity() > plainLimit) {
            plainPosition = 0;
        }
        if (++ops % SYNC_EVERY == 0) {
            plain.force(false);
        }
    }

    private Void writeFully(ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += plain.write(src, at);
        }
        return null;
    }
}
