package org.vtl.bench.e2e;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The disk ceiling: a sequential write then read of the same byte count to a file on the target's filesystem, once
 * through the page cache (write, then fsync, timed together; the read is usually served from the page cache and
 * says so) and once with O_DIRECT from aligned buffers with {@code queueDepth} threads issuing positional I/O.
 */
public final class RawDisk {
    private static final int ALIGN = 4096;

    private final Path dir;
    private final CpuClock clock;

    public RawDisk(Path dir, CpuClock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Buffered write + fsync, buffered read; one thread. */
    public ScenarioResult buffered(Scenario s, Corpus corpus) {
        Path file = dir.resolve("raw-buffered.bin");
        long blocks = s.bytesPerDrive() * s.drives() / s.blockSize();
        try {
            CpuClock.Reading c0 = clock.read();
            long t0 = System.nanoTime();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (long b = 0; b < blocks; b++) {
                    writeFully(ch, corpus.block(0, b, s.blockSize()), b * s.blockSize());
                }
                ch.force(false);
            }
            long t1 = System.nanoTime();
            CpuClock.Reading c1 = clock.read();
            ByteBuffer in = ByteBuffer.allocateDirect(s.blockSize());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                for (long b = 0; b < blocks; b++) {
                    readFully(ch, in.clear(), b * s.blockSize());
                }
            }
            long t2 = System.nanoTime();
            CpuClock.Reading c2 = clock.read();
            return result("raw-buffered", s, blocks * s.blockSize(), t1 - t0, t2 - t1, c0, c1, c2,
                    "read mostly from the page cache");
        } catch (IOException e) {
            return ScenarioResult.failed("raw-buffered", s, e.toString());
        } finally {
            deleteQuietly(file);
        }
    }

    /** O_DIRECT write (then fdatasync) and read, {@code s.outstanding()} threads in flight. */
    public ScenarioResult direct(Scenario s, Corpus corpus) {
        Path file = dir.resolve("raw-direct.bin");
        long blocks = s.bytesPerDrive() * s.drives() / s.blockSize();
        try {
            CpuClock.Reading c0 = clock.read();
            long t0 = System.nanoTime();
            try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT))) {
                parallel(s.outstanding(), blocks, s.blockSize(), ch, corpus, true);
                ch.force(false);
            }
            long t1 = System.nanoTime();
            CpuClock.Reading c1 = clock.read();
            try (FileChannel ch = FileChannel.open(file, Set.<OpenOption>of(StandardOpenOption.READ,
                    ExtendedOpenOption.DIRECT))) {
                parallel(s.outstanding(), blocks, s.blockSize(), ch, corpus, false);
            }
            long t2 = System.nanoTime();
            CpuClock.Reading c2 = clock.read();
            return result("raw-direct", s, blocks * s.blockSize(), t1 - t0, t2 - t1, c0, c1, c2, "");
        } catch (IOException | RuntimeException e) {
            return ScenarioResult.failed("raw-direct", s, "O_DIRECT not available here: " + e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void parallel(int threads, long blocks, int blockSize, FileChannel ch, Corpus corpus,
                                 boolean write) throws IOException {
        List<Thread> workers = new ArrayList<>();
        IOException[] failure = new IOException[1];
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(Thread.ofPlatform().start(() -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(blockSize + ALIGN).alignedSlice(ALIGN);
                try {
                    for (long b = first; b < blocks; b += threads) {
                        if (write) {
                            buf.clear().put(corpus.block(0, b, blockSize)).flip();
                            writeFully(ch, buf, b * blockSize);
                        } else {
                            readFully(ch, buf.clear(), b * blockSize);
                        }
                    }
                } catch (IOException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }));
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }

    private ScenarioResult result(String label, Scenario s, long bytes, long writeNanos, long readNanos,
                                  CpuClock.Reading c0, CpuClock.Reading c1, CpuClock.Reading c2, String note) {
        double w = LibraryRun.mbps(bytes, writeNanos);
        double r = LibraryRun.mbps(bytes, readNanos);
        return new ScenarioResult(label, s, w, r, w, r, CpuClock.clientSecondsPerGb(c0, c1, bytes),
                CpuClock.clientSecondsPerGb(c1, c2, bytes), Double.NaN, Double.NaN, Double.NaN, false, true, note);
    }

    private static void writeFully(FileChannel ch, ByteBuffer src, long position) throws IOException {
        long p = position;
        while (src.hasRemaining()) {
            p += ch.write(src, p);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
        long p = position;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, p);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + p);
            }
            p += n;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file in the caller's directory is harmless
        }
    }
}
