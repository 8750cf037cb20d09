package org.vtl.raid;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.raid.io.MemberFile;
import org.vtl.raid.io.MemberState;
import org.vtl.raid.io.StripeTrailerDescriptor;
import org.vtl.raid.parity.PqSyndrome;

/**
 * Background rebuild and scrub. Owns up to two threads: the rebuild thread walks the live rows of a
 * replaced member's group in order, reconstructs the member's chunk and trailer from the others and
 * writes them, and records its progress as a checkpoint in the superblocks about once a second, so a
 * restart resumes there; the scrub thread reads every live stripe, checks chunk CRCs and P/Q, and repairs
 * what it can. Both are rate limited and take each row only while no write is on it, so I/O continues.
 */
final class Repairs {

    private static final Logger LOG = LoggerFactory.getLogger(Repairs.class);
    private static final long CHECKPOINT_NANOS = 1_000_000_000L;

    private final Pool pool;
    private final StripeReader reader;
    private final PqSyndrome kernel;
    private final long bytesPerSecond;
    private final Progress rebuild = new Progress();
    private final Progress scrub = new Progress();
    private volatile boolean stopping;
    private Thread rebuildThread;
    private Thread scrubThread;
    private CompletableFuture<PoolStatus.RepairProgress> scrubResult;

    Repairs(Pool pool, StripeReader reader, PqSyndrome kernel, long bytesPerSecond) {
        this.pool = pool;
        this.reader = reader;
        this.kernel = kernel;
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Counters of one kind of pass. */
    private static final class Progress {
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        final AtomicLong repaired = new AtomicLong();
        final AtomicLong unrepairable = new AtomicLong();
        volatile boolean running;

        PoolStatus.RepairProgress snapshot() {
            return new PoolStatus.RepairProgress(running, done.get(), total.get(), repaired.get(), unrepairable.get());
        }
    }

    PoolStatus.RepairProgress rebuildProgress() {
        return rebuild.snapshot();
    }

    PoolStatus.RepairProgress scrubProgress() {
        return scrub.snapshot();
    }

    void replace(int groupIndex, int index, Path path) throws IOException {
        RaidGroup[] groups = pool.groups();
        if (groupIndex < 0 || groupIndex >= groups.length || index < 0 || index >= groups[groupIndex].members.length) {
            throw new PoolException("no member " + index + " in group " + groupIndex);
        }
        RaidGroup g = groups[groupIndex];
        Member old = g.members[index];
        if (old.state() != MemberState.FAILED) {
            throw new PoolException("member " + index + " of group " + groupIndex + " (" + old.path + ") is "
                    + old.state() + "; only a failed member can be replaced");
        }
        long needed = g.layout.memberBytesFor(g.rows);
        PoolOptions sized = pool.options().withMemberSize(Math.max(needed, pool.options().memberSize()));
        MemberFile file = PoolAssembly.openForFormat(path, sized, List.of());
        if (file.size() < needed) {
            file.close();
            throw new PoolException(path + ": too small (" + file.size() + " bytes, group " + groupIndex + " needs "
                    + needed + ")");
        }
        Member fresh = new Member(groupIndex, index, path, UUID.randomUUID(), file, MemberState.REBUILDING);
        fresh.rebuiltBelow = 0;
        fresh.start(pool::memberFailed);
        g.members[index] = fresh;
        old.stopWriter();
        pool.persistMetadata();
        LOG.info("group {} member {}: replaced by {}, rebuilding", groupIndex, index, path);
        startRebuild();
    }

    void resumeRebuilds() {
        for (RaidGroup g : pool.groups()) {
            for (Member m : g.members) {
                if (m.state() == MemberState.REBUILDING) {
                    LOG.info("group {} member {}: resuming rebuild at row {}", g.index, m.index, m.rebuiltBelow);
                    rebuild.total.set(g.rows);
                    rebuild.done.set(m.rebuiltBelow);
                    startRebuild();
                    return;
                }
            }
        }
    }

    private synchronized void startRebuild() {
        if (stopping || rebuildThread != null && rebuildThread.isAlive()) {
            return;
        }
        rebuild.running = true;
        rebuildThread = Thread.ofPlatform().daemon().name("vtl-raid-rebuild").start(this::rebuildAll);
    }

    private void rebuildAll() {
        try {
            while (!stopping) {
                Member target = null;
                RaidGroup group = null;
                for (RaidGroup g : pool.groups()) {
                    for (Member m : g.members) {
                        if (target == null && m.state() == MemberState.REBUILDING) {
                            target = m;
                            group = g;
                        }
                    }
                }
                if (target == null) {
                    return;
                }
                rebuildMember(group, target);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rebuild.running = false;
        }
    }

    private void rebuildMember(RaidGroup g, Member m) throws InterruptedException {
        rebuild.total.set(g.rows);
        rebuild.done.set(m.rebuiltBelow);
        long started = System.nanoTime();
        long lastCheckpoint = started;
        long bytes = 0;
        long row = m.rebuiltBelow;
        while (!stopping && m.state() == MemberState.REBUILDING) {
            long next = g.nextUsedRow(row);
            if (next < 0) {
                row = g.rows;
                break;
            }
            bytes += rebuildRow(g, m, next);
            row = next + 1;
            m.rebuiltBelow = row;
            rebuild.done.set(row);
            throttle(started, bytes);
            if (System.nanoTime() - lastCheckpoint > CHECKPOINT_NANOS) {
                persistQuietly();
                lastCheckpoint = System.nanoTime();
            }
        }
        if (row >= g.rows && m.state() == MemberState.REBUILDING) {
            m.rebuiltBelow = g.rows;
            rebuild.done.set(g.rows);
            m.state(MemberState.ONLINE);
            LOG.info("group {} member {} ({}): rebuild complete", g.index, m.index, m.path);
        }
        persistQuietly();
    }

    /** Rebuilds one row's chunk and trailer on {@code m}; returns the bytes read and written. */
    private long rebuildRow(RaidGroup g, Member m, long row) throws InterruptedException {
        if (!g.beginRepair(row)) {
            return 0;
        }
        StripeBuffer s = pool.readBuffers.claim();
        try {
            ByteBuffer trailer = reader.loadWhole(g, row, s, m.index, true);
            int width = StripeTrailerDescriptor.width(trailer);
            int role = g.layout.role(row, m.index, width);
            if (role < 0) {
                return 0;
            }
            ByteBuffer own = s.trailers[m.index].clear();
            own.put(0, trailer, 0, StripeTrailerDescriptor.SIZE);
            StripeTrailerDescriptor.seal(own, role, s.crc);
            m.file.write(s.chunk(role, width), g.layout.chunkOffset(row));
            m.file.write(own.clear(), g.layout.trailerOffset(row));
            m.bytesWritten.add(g.layout.slotSize());
            rebuild.repaired.incrementAndGet();
            return (long) (width + 2) * g.layout.chunkSize();
        } catch (PoolException e) {
            rebuild.unrepairable.incrementAndGet();
            LOG.error("rebuild of group {} member {}: {}", g.index, m.index, e.getMessage());
            return 0;
        } catch (IOException e) {
            m.fail("rebuild write of row " + row, e);
            return 0;
        } finally {
            s.release();
            g.endRepair(row);
        }
    }

    synchronized CompletableFuture<PoolStatus.RepairProgress> scrub() {
        if (scrubResult != null && !scrubResult.isDone()) {
            return scrubResult;
        }
        scrubResult = new CompletableFuture<>();
        scrub.running = true;
        scrub.done.set(0);
        scrub.repaired.set(0);
        scrub.unrepairable.set(0);
        long total = 0;
        for (RaidGroup g : pool.groups()) {
            total += g.usedRows();
        }
        scrub.total.set(total);
        CompletableFuture<PoolStatus.RepairProgress> result = scrubResult;
        scrubThread = Thread.ofPlatform().daemon().name("vtl-raid-scrub").start(() -> {
            try {
                scrubAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                scrub.running = false;
                result.complete(scrub.snapshot());
            }
        });
        return result;
    }

    private void scrubAll() throws InterruptedException {
        long started = System.nanoTime();
        long bytes = 0;
        for (RaidGroup g : pool.groups()) {
            for (long row = g.nextUsedRow(0); row >= 0 && !stopping; row = g.nextUsedRow(row + 1)) {
                bytes += scrubRow(g, row);
                scrub.done.incrementAndGet();
                throttle(started, bytes);
            }
        }
        LOG.info("scrub done: {} stripes, {} chunks repaired, {} unrepairable", scrub.done.get(),
                scrub.repaired.get(), scrub.unrepairable.get());
    }

    private long scrubRow(RaidGroup g, long row) throws InterruptedException {
        if (!g.beginRepair(row)) {
            return 0;
        }
        StripeBuffer s = pool.readBuffers.claim();
        try {
            ByteBuffer trailer = reader.loadWhole(g, row, s, -1, true);
            int width = StripeTrailerDescriptor.width(trailer);
            scrub.repaired.addAndGet(s.repaired);
            MemorySegment[] roles = s.roles(width);
            int k = g.layout.dataWidth();
            long chunk = g.layout.chunkSize();
            kernel.generate(roles, width, s.chunkSegments[k + 2], s.chunkSegments[k + 3], chunk);
            boolean staleP = MemorySegment.mismatch(roles[width], 0, chunk, s.chunkSegments[k + 2], 0, chunk) >= 0;
            boolean staleQ = MemorySegment.mismatch(roles[width + 1], 0, chunk, s.chunkSegments[k + 3], 0, chunk) >= 0;
            if (staleP || staleQ) {
                LOG.warn("scrub: stripe {}/{} has CRC-valid chunks but a stale {}; rewriting it from the data",
                        g.index, row, staleP && staleQ ? "P and Q" : staleP ? "P" : "Q");
                replaceParity(g, s, trailer, width, staleP, staleQ);
                scrub.repaired.addAndGet((staleP ? 1 : 0) + (staleQ ? 1 : 0));
            }
            scrub.repaired.addAndGet(rewriteTrailers(g, row, s, trailer, width, staleP, staleQ));
            return (long) (width + 2) * chunk;
        } catch (PoolException e) {
            scrub.unrepairable.incrementAndGet();
            LOG.error("scrub: {}", e.getMessage());
            return 0;
        } catch (IOException e) {
            scrub.unrepairable.incrementAndGet();
            LOG.error("scrub of stripe {}/{}: {}", g.index, row, e.toString());
            return 0;
        } finally {
            s.release();
            g.endRepair(row);
        }
    }

    /**
     * Puts the P and/or Q recomputed from the CRC-valid data into the stripe buffer and the descriptor: new
     * chunk CRCs and a new sequence, so the corrected trailers win over every older copy.
     */
    private static void replaceParity(RaidGroup g, StripeBuffer s, ByteBuffer trailer, int width, boolean p,
            boolean q) {
        int k = g.layout.dataWidth();
        long chunk = g.layout.chunkSize();
        MemorySegment[] roles = s.roles(width);
        if (p) {
            roles[width].copyFrom(s.chunkSegments[k + 2].asSlice(0, chunk));
            StripeTrailerDescriptor.chunkCrc(trailer, width, s.chunkCrc(width, width));
        }
        if (q) {
            roles[width + 1].copyFrom(s.chunkSegments[k + 3].asSlice(0, chunk));
            StripeTrailerDescriptor.chunkCrc(trailer, width + 1, s.chunkCrc(width + 1, width));
        }
        StripeTrailerDescriptor.sequence(trailer, g.sequence.incrementAndGet());
    }

    /**
     * Writes the stripe's descriptor to every member whose trailer is missing, corrupt or different (a
     * member that missed an update, or all of them after {@link #replaceParity}), and the replaced parity
     * chunks. Trailers go first, replaced parity chunks (with their own trailer) last: a crash in between
     * leaves the newest trailers expecting the new parity, so the old one reads as corrupt and is rebuilt
     * from the data, never trusted. Returns the trailers repaired on their own: those rewritten because they
     * were corrupt or out of date, not because the parity changed (then the parity chunks are the count).
     */
    private int rewriteTrailers(RaidGroup g, long row, StripeBuffer s, ByteBuffer trailer, int width, boolean p,
            boolean q) {
        int rewritten = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int role = 0; role < width + 2; role++) {
                boolean replaced = role == width && p || role == width + 1 && q;
                Member m = g.members[g.layout.member(row, role)];
                if (replaced != (pass == 1) || !m.writable() || !m.readable(row)) {
                    continue;
                }
                ByteBuffer own = s.trailers[m.index].clear();
                if (own != trailer && !replaced && StripeTrailerDescriptor.valid(own, s.crc)
                        && StripeTrailerDescriptor.sameStripe(own, trailer)) {
                    continue;
                }
                if (own != trailer) {
                    own.put(0, trailer, 0, StripeTrailerDescriptor.SIZE);
                } else if (!replaced && !p && !q) {
                    continue;
                }
                StripeTrailerDescriptor.seal(own, role, s.crc);
                try {
                    if (replaced) {
                        m.file.write(s.chunk(role, width), g.layout.chunkOffset(row));
                    }
                    m.file.write(own.clear(), g.layout.trailerOffset(row));
                    m.bytesWritten.add(replaced ? g.layout.slotSize() : StripeTrailerDescriptor.SIZE);
                    rewritten += p || q ? 0 : 1;
                } catch (IOException e) {
                    m.fail("scrub write of row " + row, e);
                }
            }
        }
        return rewritten;
    }

    private void throttle(long startedNanos, long bytes) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long dueNanos = (long) (bytes * 1e9 / bytesPerSecond);
        long aheadNanos = dueNanos - (System.nanoTime() - startedNanos);
        if (aheadNanos > 0) {
            Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
        }
    }

    private void persistQuietly() {
        try {
            pool.persistMetadata();
        } catch (IOException e) {
            LOG.error("recording rebuild progress: {}", e.toString());
        }
    }

    /** Stops the passes at the next row and waits for their threads. */
    void stop() {
        Thread r;
        Thread s;
        synchronized (this) {
            stopping = true;
            r = rebuildThread;
            s = scrubThread;
        }
        for (Thread t : new Thread[] {r, s}) {
            if (t != null) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
