package org.vtl.raid;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.raid.io.MemberState;
import org.vtl.raid.io.Superblock;
import org.vtl.raid.layout.StripeLayout;
import org.vtl.raid.parity.PqSyndrome;

/**
 * A RAID-6 pool of member disks in one or more groups of k data + P + Q, for an append-only layer above.
 *
 * <p>Write path, zero copy: {@link #claim()} a pooled {@link StripeBuffer}, fill {@code data()} (k x chunk
 * bytes), {@link #write} it with its length. The pool picks a free row in a group (round robin over
 * groups), computes P, Q and the chunk CRCs in the same buffer and writes every member concurrently with
 * one gathered positional write each. A full buffer becomes a full-width stripe; a shorter one (a sync
 * point) a narrower stripe of {@code ceil(length / chunk)} data chunks. A stripe always lands in a free row,
 * so acknowledged data is never rewritten and there is no write hole. {@link #sync()} makes acknowledged
 * stripes durable. {@link #read} returns any byte range of an {@link Extent}, reconstructing missing or
 * corrupt chunks; {@link #free} returns its row.
 *
 * <p>Allocation state is not stored on the members: the layer above owns it (its catalog) and declares the
 * live extents again at {@link #open}. Stripes written but never declared are free space after a restart.
 * Thread-safe; owns writer threads per member (one for a buffered member, eight for an O_DIRECT one), plus
 * rebuild and scrub threads while they run.
 */
public final class Pool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pool.class);

    private final UUID poolId;
    private final PoolOptions options;
    private final StripeLayout layout;
    private final PqSyndrome kernel = PqSyndrome.fastest();
    private final StripeWriter writer;
    private final StripeReader reader;
    private final StripeBuffer.BufferPool writeBuffers;
    final StripeBuffer.BufferPool readBuffers;
    private final AtomicLong generation;
    private final AtomicInteger nextGroup = new AtomicInteger();
    private final ForceRound forceRound = new ForceRound();
    private final PoolStats stats;
    final Repairs repairs;
    private volatile RaidGroup[] groups;
    private volatile boolean closed;
    private boolean persisting;
    private boolean metadataDirty;

    private Pool(UUID poolId, PoolOptions options, StripeLayout layout, long generation, MeterRegistry registry) {
        this.poolId = poolId;
        this.options = options;
        this.layout = layout;
        this.writer = new StripeWriter(kernel, poolId, layout.chunkSize());
        this.reader = new StripeReader(kernel, poolId);
        this.writeBuffers = new StripeBuffer.BufferPool(layout, options.stripeBuffers(), 0);
        this.readBuffers = new StripeBuffer.BufferPool(layout, options.readBuffers(), 2);
        this.generation = new AtomicLong(generation);
        this.groups = new RaidGroup[0];
        this.stats = new PoolStats(this, writer, reader, registry);
        this.repairs = new Repairs(this, reader, kernel, options.rebuildBytesPerSecond());
    }

    /**
     * Creates a pool of one RAID-6 group over {@code members} (4..24 paths; k = count - 2). Missing paths
     * are created as sparse files of {@code options.memberSize()}; existing members of any pool are refused.
     */
    public static Pool create(List<Path> members, PoolOptions options, MeterRegistry registry) throws IOException {
        UUID poolId = UUID.randomUUID();
        List<PoolAssembly.Found> formatted = PoolAssembly.format(poolId, 0, 1, members, options, 1);
        Superblock record = formatted.getFirst().superblock();
        StripeLayout layout = new StripeLayout(record.dataWidth(), record.chunkSize());
        Pool pool = new Pool(poolId, options, layout, 1, registry);
        pool.addGroupMembers(0, layout, record.rows(), formatted.toArray(PoolAssembly.Found[]::new), record);
        LOG.info("created pool {}: {} members, k={}, chunk {} B, {} rows", poolId, members.size(),
                layout.dataWidth(), layout.chunkSize(), record.rows());
        return pool;
    }

    /**
     * Reassembles a pool from its member paths, in any order, and re-declares the live extents the caller
     * keeps. Members not given are marked failed; a rebuild interrupted by a restart resumes.
     */
    public static Pool open(List<Path> members, PoolOptions options, MeterRegistry registry,
            Iterable<Extent> liveExtents) throws IOException {
        PoolAssembly.Assembled a = PoolAssembly.assemble(members, options);
        Superblock first = a.groupRecords().getFirst();
        StripeLayout layout = new StripeLayout(first.dataWidth(), first.chunkSize());
        Pool pool = new Pool(a.poolId(), options, layout, a.generation(), registry);
        try {
            for (int g = 0; g < a.groupRecords().size(); g++) {
                Superblock record = a.groupRecords().get(g);
                if (record.dataWidth() != layout.dataWidth() || record.chunkSize() != layout.chunkSize()) {
                    throw new PoolException("group " + g + " has k=" + record.dataWidth() + ", chunk "
                            + record.chunkSize() + "; every group of a pool must match group 0");
                }
                pool.addGroupMembers(g, layout, record.rows(), a.members().get(g), record);
            }
            for (Extent e : liveExtents) {
                pool.group(e).declare(e);
            }
            pool.persistMetadata();
            pool.repairs.resumeRebuilds();
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("opened pool {}: {} groups, generation {}", a.poolId(), a.groupRecords().size(),
                pool.generation.get());
        return pool;
    }

    private void addGroupMembers(int index, StripeLayout groupLayout, long rows, PoolAssembly.Found[] found,
            Superblock record) {
        Member[] members = new Member[groupLayout.memberCount()];
        for (int i = 0; i < members.length; i++) {
            PoolAssembly.Found f = found[i];
            MemberState state = record.states().get(i);
            if (f == null) {
                members[i] = new Member(index, i, null, new UUID(0, 0), null, MemberState.FAILED);
                if (state != MemberState.FAILED) {
                    LOG.warn("group {} member {} was not given: marked failed", index, i);
                }
            } else {
                Superblock own = f.superblock();
                members[i] = new Member(index, i, f.path(), own.memberId(), f.file(), state);
                members[i].rebuiltBelow = state == MemberState.REBUILDING ? Math.max(0, own.rebuildCheckpoint()) : 0;
            }
            members[i].start(this::memberFailed);
        }
        RaidGroup group = new RaidGroup(index, groupLayout, members, rows);
        RaidGroup[] grown = java.util.Arrays.copyOf(groups, groups.length + 1);
        grown[index] = group;
        groups = grown;
        stats.registerGroup(group);
    }

    /** A pooled stripe buffer to fill; blocks while all are in flight (back-pressure). */
    public StripeBuffer claim() throws InterruptedException {
        return writeBuffers.claim();
    }

    /** A pooled stripe buffer, or null if all are in flight. */
    public StripeBuffer tryClaim() {
        return writeBuffers.tryClaim();
    }

    /** Data bytes one stripe holds: k x chunk. */
    public int stripeCapacity() {
        return layout.stripeCapacity();
    }

    /** The chunk size of every group. */
    public int chunkSize() {
        return layout.chunkSize();
    }

    /**
     * Writes the first {@code length} bytes of a claimed buffer as one stripe and hands the buffer back to
     * the pool. The future completes with the extent once at least {@code width} of the stripe's
     * {@code width + 2} chunks are written (not yet durable: see {@link #sync()}), or fails.
     */
    public CompletableFuture<Extent> write(StripeBuffer buffer, int length) {
        CompletableFuture<Extent> future = new CompletableFuture<>();
        PoolException refused = write(buffer, length, future, null);
        if (refused != null) {
            future.completeExceptionally(refused);
        }
        return future;
    }

    /**
     * {@link #write(StripeBuffer, int)} without allocation: the outcome goes to {@code listener} (see
     * {@link StripeListener}) instead of a future. Safe with any number of stripes outstanding.
     */
    public void write(StripeBuffer buffer, int length, StripeListener listener) {
        PoolException refused = write(buffer, length, null, Objects.requireNonNull(listener));
        if (refused != null) {
            listener.failed(refused);
        }
    }

    /** Starts the stripe write, or returns why it cannot start (the buffer is then released). */
    private PoolException write(StripeBuffer buffer, int length, CompletableFuture<Extent> future,
            StripeListener listener) {
        if (length < 1 || length > layout.stripeCapacity()) {
            buffer.release();
            throw new IllegalArgumentException("stripe length " + length + " outside 1.." + layout.stripeCapacity());
        }
        RaidGroup[] all = groups;
        int start = Math.floorMod(nextGroup.getAndIncrement(), all.length);
        for (int i = 0; i < all.length && !closed; i++) {
            RaidGroup g = all[(start + i) % all.length];
            if (g.state() == GroupState.FAILED) {
                continue;
            }
            long row = g.allocate();
            if (row >= 0) {
                writer.write(buffer, g, row, length, future, listener);
                return null;
            }
        }
        buffer.release();
        return new PoolException(closed ? "pool " + poolId + " is closed"
                : "pool " + poolId + ": no writable group has a free row");
    }

    /** Makes every stripe acknowledged so far durable (fdatasync on every writable member). */
    public void sync() throws IOException {
        forceMembers();
        for (RaidGroup g : groups) {
            if (g.state() == GroupState.FAILED && g.usedRows() > 0) {
                throw new PoolException("group " + g.index + " has failed: " + g.failedCount() + " members lost");
            }
        }
    }

    private void forceMembers() {
        forceRound.run(groups);
    }

    /**
     * Reads {@code min(dst.remaining(), extent.length() - offset)} bytes of the extent from {@code offset}
     * into {@code dst}, verified against the chunk CRCs and reconstructed from parity when needed.
     */
    public int read(Extent extent, long offset, ByteBuffer dst) throws IOException {
        RaidGroup g = group(extent);
        StripeBuffer scratch;
        try {
            scratch = readBuffers.claim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolException("interrupted waiting for a read buffer", e);
        }
        try {
            return reader.read(g, extent, offset, dst, scratch);
        } finally {
            scratch.release();
        }
    }

    /** Returns the extent's row to free space. The caller guarantees no reference to it remains. */
    public void free(Extent extent) throws PoolException {
        group(extent).free(extent);
    }

    RaidGroup group(Extent e) throws PoolException {
        RaidGroup[] all = groups;
        if (e.group() >= all.length) {
            throw new PoolException("extent " + e + " names group " + e.group() + "; the pool has " + all.length);
        }
        return all[e.group()];
    }

    RaidGroup[] groups() {
        return groups;
    }

    UUID poolId() {
        return poolId;
    }

    PoolOptions options() {
        return options;
    }

    /** Adds a RAID-6 group of new members (same k and chunk as the pool); capacity grows at once. */
    public synchronized void addGroup(List<Path> members) throws IOException {
        if (members.size() != layout.memberCount()) {
            throw new PoolException("a new group needs " + layout.memberCount() + " members like the others, got "
                    + members.size());
        }
        int index = groups.length;
        long gen = generation.incrementAndGet();
        List<PoolAssembly.Found> formatted = PoolAssembly.format(poolId, index, index + 1, members, options, gen);
        Superblock record = formatted.getFirst().superblock();
        addGroupMembers(index, layout, record.rows(), formatted.toArray(PoolAssembly.Found[]::new), record);
        persistMetadata();
        LOG.info("pool {}: added group {} ({} rows)", poolId, index, record.rows());
    }

    /** Replaces a failed member with a new file or device and starts rebuilding it in the background. */
    public void replaceMember(int group, int index, Path path) throws IOException {
        repairs.replace(group, index, path);
    }

    /** Starts a background scrub of every live stripe; the future completes with its final progress. */
    public CompletableFuture<PoolStatus.RepairProgress> scrub() {
        return repairs.scrub();
    }

    /** Capacity, use and the state of every group and member. */
    public PoolStatus status() {
        long capacity = 0;
        long used = 0;
        long live = 0;
        List<PoolStatus.GroupStatus> groupStatus = new ArrayList<>();
        List<PoolStatus.MemberStatus> memberStatus = new ArrayList<>();
        for (RaidGroup g : groups) {
            long rowBytes = (long) g.layout.stripeCapacity();
            capacity += g.rows * rowBytes;
            used += g.usedRows() * rowBytes;
            live += g.liveBytes();
            groupStatus.add(new PoolStatus.GroupStatus(g.index, g.state(), g.layout.dataWidth(),
                    g.layout.chunkSize(), g.rows, g.usedRows()));
            for (Member m : g.members) {
                memberStatus.add(new PoolStatus.MemberStatus(g.index, m.index,
                        m.path == null ? null : m.path.toString(), m.state(), m.bytesWritten.sum(),
                        m.bytesRead.sum(), m.errors.sum()));
            }
        }
        return new PoolStatus(poolId, capacity, used, capacity - used, live, groupStatus, memberStatus,
                repairs.rebuildProgress(), repairs.scrubProgress());
    }

    /** A member failed on I/O: record it in every other superblock before any later stripe is acknowledged. */
    void memberFailed(Member m) {
        try {
            persistMetadata();
        } catch (IOException e) {
            LOG.error("pool {}: could not record the failure of {}: {}", poolId, m, e.toString());
        }
    }

    /**
     * Writes every reachable member's superblock with the next generation. Re-entrant calls (a superblock
     * write failing marks its member failed) are folded into one more round.
     */
    synchronized void persistMetadata() throws IOException {
        if (persisting) {
            metadataDirty = true;
            return;
        }
        persisting = true;
        try {
            do {
                metadataDirty = false;
                long gen = generation.incrementAndGet();
                RaidGroup[] all = groups;
                for (RaidGroup g : all) {
                    List<MemberState> states = g.states();
                    for (Member m : g.members) {
                        if (m.file != null && m.writable()) {
                            writeSuperblock(g, m, all.length, gen, states);
                        }
                    }
                }
            } while (metadataDirty);
        } finally {
            persisting = false;
        }
    }

    private void writeSuperblock(RaidGroup g, Member m, int groupCount, long gen, List<MemberState> states) {
        long checkpoint = m.state() == MemberState.REBUILDING ? m.rebuiltBelow : -1;
        Superblock sb = new Superblock(poolId, m.id, g.index, groupCount, m.index, g.layout.dataWidth(),
                g.layout.chunkSize(), g.rows, gen, states, checkpoint);
        try {
            m.file.writeSuperblock(sb);
        } catch (IOException e) {
            m.fail("superblock write", e);
        }
    }

    /** Stops background work, waits for in-flight writes, records a clean state and closes the members. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        repairs.stop();
        for (RaidGroup g : groups) {
            for (Member m : g.members) {
                m.stopWriter();
            }
        }
        forceMembers();
        IOException failure = null;
        try {
            persistMetadata();
        } catch (IOException e) {
            failure = e;
        }
        for (RaidGroup g : groups) {
            for (Member m : g.members) {
                m.closeFile();
            }
        }
        stats.close();
        if (failure != null) {
            throw failure;
        }
    }
}
