package org.vtl.raid;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32C;
import org.vtl.raid.io.StripeTrailerDescriptor;
import org.vtl.raid.layout.StripeLayout;
import org.vtl.raid.parity.PqSyndrome;

/**
 * Writes one stripe from a {@link StripeBuffer}: P and Q computed in place over the data chunks, one
 * CRC32C per chunk, one trailer per member, then one gathered positional write (chunk + trailer) per member
 * on that member's writer thread, all members concurrently. Nothing is read back and nothing that was
 * acknowledged is written over: the stripe always goes to a free row (see docs/adr/0001-write-hole.md).
 * The stripe is acknowledged when at least {@code width} of its {@code width + 2} chunks are on disk.
 */
final class StripeWriter {

    private final PqSyndrome kernel;
    private final long poolHigh;
    private final long poolLow;
    final LongAdder parityBytes = new LongAdder();
    /**
     * CRC32C of a chunk of zeros. CRC32C is affine over GF(2) for messages of one length,
     * {@code crc(a ^ b) = crc(a) ^ crc(b) ^ crc(0)}, so the CRC of P, the XOR of the data chunks, is the XOR of
     * their CRCs (plus {@code crc(0)} for an even count): one chunk fewer to checksum per stripe.
     */
    private final int zeroChunkCrc;

    StripeWriter(PqSyndrome kernel, UUID poolId, int chunkSize) {
        this.kernel = kernel;
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocateDirect(chunkSize));
        this.zeroChunkCrc = (int) crc.getValue();
        this.poolHigh = poolId.getMostSignificantBits();
        this.poolLow = poolId.getLeastSignificantBits();
    }

    /** Writes the stripe; the outcome goes to {@code future} or, when it is null, to {@code listener}. */
    void write(StripeBuffer b, RaidGroup g, long row, int length, CompletableFuture<Extent> future,
            StripeListener listener) {
        StripeLayout layout = g.layout;
        int width = layout.widthFor(length);
        int chunk = layout.chunkSize();
        long tail = (long) width * chunk - length;
        if (tail > 0) {
            b.chunkSegments[width - 1].asSlice(chunk - tail, tail).fill((byte) 0);
        }
        MemorySegment[] roles = b.roles(width);
        kernel.generate(roles, width, roles[width], roles[width + 1], chunk);
        parityBytes.add((long) width * chunk);
        sealTrailers(b, g, row, width, length);
        b.future = future;
        b.listener = listener;
        b.group = g;
        b.row = row;
        b.width = width;
        b.length = length;
        b.failures.set(0);
        int alive = 0;
        for (int role = 0; role < width + 2; role++) {
            if (g.members[layout.member(row, role)].writable()) {
                alive++;
            }
        }
        if (alive < width) {
            finish(b, 0);
            return;
        }
        b.submitted = alive;
        b.pending.set(alive);
        long position = layout.chunkOffset(row);
        for (int role = 0; role < width + 2; role++) {
            Member m = g.members[layout.member(row, role)];
            if (m.writable()) {
                m.submit(b.writes[role].set(m, b.chunk(role, width), b.trailers[role].clear(), position));
            }
        }
    }

    private void sealTrailers(StripeBuffer b, RaidGroup g, long row, int width, int length) {
        ByteBuffer first = b.trailers[0];
        StripeTrailerDescriptor.encode(first, poolHigh, poolLow, g.index, width, row, length,
                g.layout.chunkSize(), g.sequence.incrementAndGet());
        int parityCrc = width % 2 == 0 ? zeroChunkCrc : 0;
        for (int role = 0; role < width; role++) {
            int crc = b.chunkCrc(role, width);
            parityCrc ^= crc;
            StripeTrailerDescriptor.chunkCrc(first, role, crc);
        }
        StripeTrailerDescriptor.chunkCrc(first, width, parityCrc);
        StripeTrailerDescriptor.chunkCrc(first, width + 1, b.chunkCrc(width + 1, width));
        for (int role = width + 1; role >= 0; role--) {
            ByteBuffer t = b.trailers[role];
            if (role != 0) {
                t.put(0, first, 0, StripeTrailerDescriptor.SIZE);
            }
            StripeTrailerDescriptor.seal(t, role, b.crc);
        }
    }

    /** Called by the last member writer of a stripe: acknowledge or fail, then recycle the buffer. */
    static void finish(StripeBuffer b, int successes) {
        RaidGroup g = b.group;
        CompletableFuture<Extent> future = b.future;
        StripeListener listener = b.listener;
        boolean ok = successes >= b.width;
        long row = b.row;
        int width = b.width;
        int length = b.length;
        g.writeDone(row, length, ok);
        String failure = ok ? null : "stripe " + g.index + "/" + row + ": only " + successes + " of "
                + (width + 2) + " chunks written; group " + g.index + " is " + g.state();
        b.release();
        if (future == null) {
            if (ok) {
                listener.written(g.index, row, width, length);
            } else {
                listener.failed(new PoolException(failure));
            }
        } else if (ok) {
            future.complete(new Extent(g.index, row, width, length));
        } else {
            future.completeExceptionally(new PoolException(failure));
        }
    }
}
