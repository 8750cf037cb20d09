package org.vtl.cartridge.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.vtl.cartridge.segment.SegmentStore;
import org.vtl.cartridge.segment.StoredExtent;
import org.vtl.catalog.ExtentRecord;

/**
 * Reads the next segment of a streaming reader in the background into a spare buffer, so the reader finds it
 * in memory when it gets there. At most one read in flight per mounted cartridge; the executor's threads do
 * the I/O.
 */
final class ReadAhead {

    private final SegmentStore segments;
    private final Executor executor;
    private ByteBuffer spare;
    private long extentId = -1;
    private CompletableFuture<Void> inFlight;
    private long hits;

    ReadAhead(SegmentStore segments, Executor executor) {
        this.segments = segments;
        this.executor = executor;
    }

    /** Starts reading an extent unless one is already in flight. */
    void start(ExtentRecord extent) {
        if (extent == null || inFlight != null) {
            return;
        }
        if (spare == null) {
            spare = ByteBuffer.allocateDirect(segments.segmentCapacity());
        }
        extentId = extent.id();
        spare.clear().limit(extent.length());
        StoredExtent stored = new StoredExtent(extent.address(), extent.length());
        inFlight = CompletableFuture.runAsync(() -> {
            try {
                segments.read(stored, 0, spare);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, executor);
    }

    /**
     * If the segment read ahead is {@code id}'s and arrived intact, returns the buffer holding it (position =
     * its length) and keeps {@code current} as the next spare (no copy); otherwise null and the caller reads.
     */
    ByteBuffer swap(long id, ByteBuffer current) {
        if (inFlight == null) {
            return null;
        }
        boolean hit = id == extentId;
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hit = false;
        } catch (ExecutionException e) {
            hit = false;
        } finally {
            inFlight = null;
        }
        if (hit && !spare.hasRemaining()) {
            hits++;
            ByteBuffer filled = spare;
            spare = current;
            return filled;
        }
        return null;
    }

    /** Segments found already read ahead. */
    long hits() {
        return hits;
    }

    /** Waits out a read in flight and forgets it. */
    void cancel() {
        swap(-1, null);
    }
}
