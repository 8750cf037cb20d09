package org.vtl.raid;

import org.vtl.raid.io.IoMode;
import org.vtl.raid.layout.StripeLayout;

/**
 * Tunables of a pool.
 *
 * @param chunkSize bytes per chunk (default 256 KiB), fixed at creation
 * @param memberSize bytes of each member file created by {@link Pool#create} or {@link Pool#addGroup};
 *        0 uses the size of existing files or block devices
 * @param ioMode O_DIRECT or page cache (default AUTO: direct where allowed)
 * @param stripeBuffers pooled write buffers; {@link Pool#claim()} blocks when all are in flight
 * @param readBuffers pooled read and repair buffers
 * @param rebuildBytesPerSecond rate limit of rebuild and scrub (0 = unlimited)
 */
public record PoolOptions(int chunkSize, long memberSize, IoMode ioMode, int stripeBuffers, int readBuffers,
        long rebuildBytesPerSecond) {

    public PoolOptions {
        if (stripeBuffers < 1 || readBuffers < 1 || memberSize < 0 || rebuildBytesPerSecond < 0) {
            throw new IllegalArgumentException("invalid pool options");
        }
    }

    /** 256 KiB chunks, members sized by their files, AUTO I/O, 8 write and 4 read buffers, no rate limit. */
    public static PoolOptions defaults() {
        return new PoolOptions(StripeLayout.DEFAULT_CHUNK_SIZE, 0, IoMode.AUTO, 8, 4, 0);
    }

    public PoolOptions withChunkSize(int bytes) {
        return new PoolOptions(bytes, memberSize, ioMode, stripeBuffers, readBuffers, rebuildBytesPerSecond);
    }

    public PoolOptions withMemberSize(long bytes) {
        return new PoolOptions(chunkSize, bytes, ioMode, stripeBuffers, readBuffers, rebuildBytesPerSecond);
    }

    public PoolOptions withIoMode(IoMode mode) {
        return new PoolOptions(chunkSize, memberSize, mode, stripeBuffers, readBuffers, rebuildBytesPerSecond);
    }

    public PoolOptions withStripeBuffers(int count) {
        return new PoolOptions(chunkSize, memberSize, ioMode, count, readBuffers, rebuildBytesPerSecond);
    }

    public PoolOptions withReadBuffers(int count) {
        return new PoolOptions(chunkSize, memberSize, ioMode, stripeBuffers, count, rebuildBytesPerSecond);
    }

    public PoolOptions withRebuildRate(long bytesPerSecond) {
        return new PoolOptions(chunkSize, memberSize, ioMode, stripeBuffers, readBuffers, bytesPerSecond);
    }
}
