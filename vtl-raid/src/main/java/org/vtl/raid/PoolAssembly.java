package org.vtl.raid;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.vtl.raid.io.MemberFile;
import org.vtl.raid.io.MemberState;
import org.vtl.raid.io.Superblock;
import org.vtl.raid.layout.StripeLayout;

/**
 * Formats new groups and reassembles existing ones from member paths in any order. Refuses, with one
 * message naming the path: a file that is no member, a member of another pool, a second copy of the same
 * member, a member failed out of the pool earlier (stale), and a member smaller than its group needs.
 */
final class PoolAssembly {

    /** A member file with its superblock, found at open. */
    record Found(Path path, MemberFile file, Superblock superblock) {
    }

    /** The groups assembled: for each group its superblock of record and the members found, by index. */
    record Assembled(UUID poolId, long generation, List<Superblock> groupRecords, List<Found[]> members) {
    }

    private PoolAssembly() {
    }

    /** Creates (sparse) or reuses member files and writes fresh superblocks for group {@code group}. */
    static List<Found> format(UUID poolId, int group, int groupCount, List<Path> paths, PoolOptions options,
            long generation) throws IOException {
        if (paths.size() - 2 < StripeLayout.MIN_DATA_WIDTH || paths.size() - 2 > StripeLayout.MAX_DATA_WIDTH) {
            throw new PoolException("a RAID-6 group needs 4..24 members, got " + paths.size());
        }
        StripeLayout layout = new StripeLayout(paths.size() - 2, options.chunkSize());
        List<Found> opened = new ArrayList<>();
        try {
            long rows = Long.MAX_VALUE;
            for (Path path : paths) {
                MemberFile file = openForFormat(path, options, opened);
                opened.add(new Found(path, file, null));
                long memberRows = layout.rowsFor(file.size());
                if (memberRows < 1) {
                    throw new PoolException(path + ": too small (" + file.size() + " bytes; a member needs at least "
                            + layout.memberBytesFor(1) + ")");
                }
                rows = Math.min(rows, memberRows);
            }
            List<MemberState> states = Collections.nCopies(paths.size(), MemberState.ONLINE);
            List<Found> formatted = new ArrayList<>();
            for (int i = 0; i < opened.size(); i++) {
                Superblock sb = new Superblock(poolId, UUID.randomUUID(), group, groupCount, i, layout.dataWidth(),
                        layout.chunkSize(), rows, generation, states, -1);
                opened.get(i).file().writeSuperblock(sb);
                formatted.add(new Found(opened.get(i).path(), opened.get(i).file(), sb));
            }
            return formatted;
        } catch (IOException | RuntimeException e) {
            for (Found f : opened) {
                f.file().close();
            }
            throw e;
        }
    }

    /** Opens a path to become a member: it must not already belong to a pool. */
    static MemberFile openForFormat(Path path, PoolOptions options, List<Found> already) throws IOException {
        for (Found f : already) {
            if (Files.exists(path) && Files.isSameFile(f.path(), path)) {
                throw new PoolException(path + ": given twice");
            }
        }
        if (!Files.exists(path)) {
            if (options.memberSize() == 0) {
                throw new PoolException(path + ": does not exist and no member size was given to create it");
            }
            try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
                raf.setLength(options.memberSize());
            }
        } else if (Files.isRegularFile(path) && Files.size(path) < options.memberSize()) {
            try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
                raf.setLength(options.memberSize());
            }
        }
        MemberFile file = MemberFile.open(path, options.ioMode());
        Superblock existing = file.readSuperblock();
        if (existing != null) {
            file.close();
            throw new PoolException(path + ": already a member of pool " + existing.poolId() + " (group "
                    + existing.group() + ", member " + existing.memberIndex() + "); refusing to overwrite it");
        }
        return file;
    }

    /** Reads every path's superblock and sorts the members into groups, refusing what does not belong. */
    static Assembled assemble(List<Path> paths, PoolOptions options) throws IOException {
        List<Found> found = new ArrayList<>();
        try {
            for (Path path : paths) {
                MemberFile file = MemberFile.open(path, options.ioMode());
                found.add(new Found(path, file, null));
                Superblock sb = file.readSuperblock();
                if (sb == null) {
                    throw new PoolException(path + ": not a vtl-raid member (no valid superblock)");
                }
                found.set(found.size() - 1, new Found(path, file, sb));
            }
            if (found.isEmpty()) {
                throw new PoolException("no member paths given");
            }
            return sort(found);
        } catch (IOException | RuntimeException e) {
            for (Found f : found) {
                f.file().close();
            }
            throw e;
        }
    }

    private static Assembled sort(List<Found> found) throws IOException {
        Map<UUID, Integer> votes = new HashMap<>();
        for (Found f : found) {
            votes.merge(f.superblock().poolId(), 1, Integer::sum);
        }
        UUID poolId = Collections.max(votes.entrySet(), Map.Entry.comparingByValue()).getKey();
        long generation = 0;
        int groupCount = 0;
        for (Found f : found) {
            if (!f.superblock().poolId().equals(poolId)) {
                throw new PoolException(f.path() + ": foreign member, it belongs to pool " + f.superblock().poolId()
                        + ", not " + poolId);
            }
            generation = Math.max(generation, f.superblock().generation());
            groupCount = Math.max(groupCount, f.superblock().groupCount());
        }
        Map<Integer, Superblock> records = new TreeMap<>();
        for (Found f : found) {
            Superblock sb = f.superblock();
            records.merge(sb.group(), sb, (a, b) -> a.generation() >= b.generation() ? a : b);
        }
        List<Superblock> groupRecords = new ArrayList<>();
        List<Found[]> members = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            Superblock record = records.get(g);
            if (record == null) {
                throw new PoolException("group " + g + " of pool " + poolId + ": none of its members was given");
            }
            groupRecords.add(record);
            members.add(placeMembers(found, record));
        }
        return new Assembled(poolId, generation, groupRecords, members);
    }

    private static Found[] placeMembers(List<Found> found, Superblock record) throws IOException {
        Found[] placed = new Found[record.states().size()];
        StripeLayout layout = new StripeLayout(record.dataWidth(), record.chunkSize());
        for (Found f : found) {
            Superblock sb = f.superblock();
            if (sb.group() != record.group()) {
                continue;
            }
            if (sb.dataWidth() != record.dataWidth() || sb.chunkSize() != record.chunkSize()
                    || sb.rows() != record.rows()) {
                throw new PoolException(f.path() + ": foreign member, its layout (k=" + sb.dataWidth() + ", chunk "
                        + sb.chunkSize() + ") differs from group " + record.group() + "'s");
            }
            boolean failedOut = record.states().get(sb.memberIndex()) == MemberState.FAILED;
            if (sb.generation() < record.generation() && failedOut) {
                throw new PoolException(f.path() + ": stale member " + sb.memberIndex() + " of group " + sb.group()
                        + " (generation " + sb.generation() + ", pool is at " + record.generation()
                        + "); it was failed out of the pool: replace it instead");
            }
            Found other = placed[sb.memberIndex()];
            if (other != null) {
                Found stale = other.superblock().generation() < sb.generation() ? other : f;
                if (other.superblock().generation() != sb.generation()) {
                    throw new PoolException(stale.path() + ": stale member " + sb.memberIndex() + " of group "
                            + sb.group() + " (generation " + stale.superblock().generation()
                            + "); it was replaced");
                }
                throw new PoolException(f.path() + ": duplicate of member " + sb.memberIndex() + " of group "
                        + sb.group() + ", already given as " + other.path());
            }
            long needed = layout.memberBytesFor(record.rows());
            if (f.file().size() < needed) {
                throw new PoolException(f.path() + ": too small (" + f.file().size() + " bytes, group "
                        + sb.group() + " needs " + needed + ")");
            }
            placed[sb.memberIndex()] = f;
        }
        return placed;
    }
}
