package org.vtl.raid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.raid.io.StripeTrailerDescriptor;
import org.vtl.raid.layout.StripeLayout;
import org.vtl.raid.parity.PqSyndrome;

/**
 * Reads stripes into a pooled buffer and checks every chunk against the CRC32C in the stripe trailer.
 * A chunk that is missing, unreadable or corrupt is an erasure; up to two are rebuilt from P and Q, checked
 * against their CRC again, and (when the member is still writable) written back in place with the same
 * bytes. More than two erasures is an error: the pool never returns bytes it could not verify.
 */
final class StripeReader {

    private static final Logger LOG = LoggerFactory.getLogger(StripeReader.class);

    private final PqSyndrome kernel;
    private final long poolHigh;
    private final long poolLow;
    final LongAdder corruptChunks = new LongAdder();
    final LongAdder repairedChunks = new LongAdder();
    final LongAdder reconstructedChunks = new LongAdder();

    StripeReader(PqSyndrome kernel, UUID poolId) {
        this.kernel = kernel;
        this.poolHigh = poolId.getMostSignificantBits();
        this.poolLow = poolId.getLeastSignificantBits();
    }

    /** Copies {@code min(dst.remaining(), length - offset)} bytes of the extent into {@code dst}. */
    int read(RaidGroup g, Extent e, long offset, ByteBuffer dst, StripeBuffer s) throws IOException {
        if (offset < 0 || offset > e.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside extent " + e);
        }
        int n = (int) Math.min(dst.remaining(), e.length() - offset);
        if (n == 0) {
            return 0;
        }
        int chunk = g.layout.chunkSize();
        int first = (int) (offset / chunk);
        int last = (int) ((offset + n - 1) / chunk);
        ByteBuffer trailer = findTrailer(g, e, s);
        if (dst.isDirect() && readDirect(g, e, offset, n, dst, trailer, s)) {
            return n;
        }
        load(g, e.row(), e.width(), trailer, s, first, last, -1, true);
        long at = offset;
        int remaining = n;
        for (int role = first; role <= last; role++) {
            int from = (int) (at - (long) role * chunk);
            int take = Math.min(chunk - from, remaining);
            ByteBuffer view = s.chunk(role, e.width());
            view.limit(from + take).position(from);
            dst.put(view);
            view.clear();
            at += take;
            remaining -= take;
        }
        return n;
    }

    /**
     * The healthy fast path: chunks the range covers whole are read straight into {@code dst} and checked
     * there, so payload is not copied; partial chunks go through the pooled buffer. Returns false, with
     * {@code dst} as it was, at the first problem (missing member, I/O error, CRC mismatch, or O_DIRECT
     * alignment): the caller then takes the reconstructing path.
     */
    private boolean readDirect(RaidGroup g, Extent e, long offset, int n, ByteBuffer dst, ByteBuffer trailer,
            StripeBuffer s) {
        int chunk = g.layout.chunkSize();
        int start = dst.position();
        int limit = dst.limit();
        long alignment = java.lang.foreign.MemorySegment.ofBuffer(dst).address() % 4096;
        long at = offset;
        int remaining = n;
        int into = start;
        for (int role = (int) (offset / chunk); remaining > 0; role++) {
            Member m = g.members[g.layout.member(e.row(), role)];
            int from = (int) (at - (long) role * chunk);
            int take = Math.min(chunk - from, remaining);
            if (!m.readable(e.row())) {
                dst.limit(limit).position(start);
                return false;
            }
            boolean whole = from == 0 && take == chunk && (!m.file.direct() || (alignment + into - start) % 4096 == 0);
            if (!readOneDirect(g, e, m, role, whole, from, take, into, dst, trailer, s)) {
                dst.limit(limit).position(start);
                return false;
            }
            at += take;
            remaining -= take;
            into += take;
        }
        dst.limit(limit).position(start + n);
        return true;
    }

    private boolean readOneDirect(RaidGroup g, Extent e, Member m, int role, boolean whole, int from, int take,
            int into, ByteBuffer dst, ByteBuffer trailer, StripeBuffer s) {
        long position = g.layout.chunkOffset(e.row());
        ByteBuffer target = whole ? dst.limit(into + take).position(into) : s.chunk(role, e.width());
        try {
            m.file.read(target, position);
            m.bytesRead.add(g.layout.chunkSize());
        } catch (IOException ex) {
            m.fail("chunk read of row " + e.row(), ex);
            return false;
        }
        int crc;
        if (whole) {
            dst.position(into);
            s.crc.reset();
            s.crc.update(dst);
            crc = (int) s.crc.getValue();
        } else {
            crc = s.chunkCrc(role, e.width());
        }
        if (crc != StripeTrailerDescriptor.chunkCrc(trailer, role)) {
            return false;
        }
        if (!whole) {
            ByteBuffer view = s.chunk(role, e.width());
            view.limit(from + take).position(from);
            dst.limit(into + take).position(into);
            dst.put(view);
            view.clear();
        }
        return true;
    }

    /**
     * Loads every chunk of the stripe in {@code row} except the one on member {@code exclude} (-1: none),
     * reconstructing and repairing as needed. Returns the trailer used; its width describes the stripe.
     */
    ByteBuffer loadWhole(RaidGroup g, long row, StripeBuffer s, int exclude, boolean repair) throws IOException {
        ByteBuffer trailer = newestTrailer(g, row, s, exclude);
        int width = StripeTrailerDescriptor.width(trailer);
        load(g, row, width, trailer, s, 0, width + 1, exclude, repair);
        return trailer;
    }

    private ByteBuffer findTrailer(RaidGroup g, Extent e, StripeBuffer s) throws PoolException {
        StripeLayout layout = g.layout;
        for (int role = 0; role < e.width() + 2; role++) {
            Member m = g.members[layout.member(e.row(), role)];
            ByteBuffer t = s.trailers[role].clear();
            if (m.readable(e.row()) && readTrailer(m, layout, e.row(), t, s)
                    && StripeTrailerDescriptor.describes(t, poolHigh, poolLow, g.index, e.row(), e.width(),
                            e.length())) {
                return t;
            }
        }
        throw new PoolException("stripe " + g.index + "/" + e.row() + ": no member holds a valid trailer for " + e
                + " (group " + g.index + " is " + g.state() + ")");
    }

    private ByteBuffer newestTrailer(RaidGroup g, long row, StripeBuffer s, int exclude) throws PoolException {
        ByteBuffer best = null;
        for (Member m : g.members) {
            ByteBuffer t = s.trailers[m.index].clear();
            if (m.index != exclude && m.readable(row) && readTrailer(m, g.layout, row, t, s)
                    && StripeTrailerDescriptor.describes(t, poolHigh, poolLow, g.index, row,
                            StripeTrailerDescriptor.width(t), StripeTrailerDescriptor.length(t))
                    && (best == null || StripeTrailerDescriptor.sequence(t) > StripeTrailerDescriptor.sequence(best))) {
                best = t;
            }
        }
        if (best == null) {
            throw new PoolException("stripe " + g.index + "/" + row + ": no member holds a valid trailer");
        }
        return best;
    }

    private boolean readTrailer(Member m, StripeLayout layout, long row, ByteBuffer t, StripeBuffer s) {
        try {
            m.file.read(t, layout.trailerOffset(row));
            t.clear();
            m.bytesRead.add(t.capacity());
            return StripeTrailerDescriptor.valid(t, s.crc);
        } catch (IOException e) {
            m.fail("trailer read of row " + row, e);
            return false;
        }
    }

    private void load(RaidGroup g, long row, int width, ByteBuffer trailer, StripeBuffer s, int first, int last,
            int exclude, boolean repair) throws IOException {
        s.repaired = 0;
        int erasedA = -1;
        int erasedB = -1;
        int erasures = 0;
        long corrupt = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int role = 0; role < width + 2; role++) {
                boolean wanted = pass == 0 ? role >= first && role <= last : role < first || role > last;
                if (!wanted) {
                    continue;
                }
                int outcome = readChunk(g, row, width, role, trailer, s, exclude);
                if (outcome != OK) {
                    erasures++;
                    erasedB = erasedA < 0 ? -1 : role;
                    erasedA = erasedA < 0 ? role : erasedA;
                    corrupt |= outcome == CORRUPT ? 1L << role : 0;
                }
            }
            if (erasures == 0) {
                return;
            }
        }
        if (erasures > 2) {
            throw new PoolException("stripe " + g.index + "/" + row + ": " + erasures + " of " + (width + 2)
                    + " chunks missing or corrupt, more than RAID-6 can rebuild (group " + g.index + " is "
                    + g.state() + ")");
        }
        if (erasures > 0) {
            reconstruct(g, row, width, trailer, s, erasedA, erasedB);
        }
        if (repair && corrupt != 0) {
            rewrite(g, row, width, s, corrupt);
        }
    }

    private static final int OK = 0;
    private static final int MISSING = 1;
    private static final int CORRUPT = 2;

    private int readChunk(RaidGroup g, long row, int width, int role, ByteBuffer trailer, StripeBuffer s,
            int exclude) {
        Member m = g.members[g.layout.member(row, role)];
        if (m.index == exclude || !m.readable(row)) {
            return MISSING;
        }
        ByteBuffer view = s.chunk(role, width);
        try {
            m.file.read(view, g.layout.chunkOffset(row));
            m.bytesRead.add(view.capacity());
        } catch (IOException e) {
            m.fail("chunk read of row " + row, e);
            return MISSING;
        }
        if (s.chunkCrc(role, width) != StripeTrailerDescriptor.chunkCrc(trailer, role)) {
            m.errors.increment();
            corruptChunks.increment();
            LOG.warn("CRC mismatch: stripe {}/{} role {} on {}", g.index, row, role, m.path);
            return CORRUPT;
        }
        return OK;
    }

    private void reconstruct(RaidGroup g, long row, int width, ByteBuffer trailer, StripeBuffer s, int a, int b)
            throws PoolException {
        s.recovery(kernel).recover(s.roles(width), width, a, b, g.layout.chunkSize());
        for (int role : new int[] {a, b}) {
            if (role >= 0 && s.chunkCrc(role, width) != StripeTrailerDescriptor.chunkCrc(trailer, role)) {
                throw new PoolException("stripe " + g.index + "/" + row + ": reconstructed chunk " + role
                        + " does not match its CRC32C; refusing to return unverified data");
            }
            if (role >= 0) {
                reconstructedChunks.increment();
            }
        }
    }

    private void rewrite(RaidGroup g, long row, int width, StripeBuffer s, long corrupt) {
        for (int role = 0; role < width + 2; role++) {
            Member m = g.members[g.layout.member(row, role)];
            if ((corrupt & (1L << role)) != 0 && m.writable()) {
                try {
                    m.file.write(s.chunk(role, width), g.layout.chunkOffset(row));
                    s.chunk(role, width);
                    m.bytesWritten.add(g.layout.chunkSize());
                    repairedChunks.increment();
                    s.repaired++;
                    LOG.info("repaired stripe {}/{} role {} on {}", g.index, row, role, m.path);
                } catch (IOException e) {
                    m.fail("repair write of row " + row, e);
                }
            }
        }
    }
}
