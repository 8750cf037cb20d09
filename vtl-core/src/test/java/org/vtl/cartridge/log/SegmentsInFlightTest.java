package org.vtl.cartridge.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.MediumError;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.ReadOutcome;
import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.TestBlocks;
import org.vtl.cartridge.segment.FileSegmentStore;
import org.vtl.cartridge.segment.SegmentStore;
import org.vtl.cartridge.segment.StoredCodec;
import org.vtl.cartridge.segment.StoredExtent;
import org.vtl.catalog.Catalog;

/**
 * Full segments go to the pool while the drive goes on accepting blocks: a bounded number per cartridge is in
 * flight, all are complete before the catalog records them, and a failed write is never acknowledged at a sync
 * point.
 */
@Timeout(30)
class SegmentsInFlightTest {

    private static final CapacityPolicy POLICY = new CapacityPolicy(0, 0, 8 << 10);
    private static final int SEGMENT = 24 << 10;
    private static final int BLOCK = 4000;

    @TempDir
    Path directory;

    private CartridgeBackend backend;
    private HeldWrites held;

    /** A file segment store whose writes reach the file at once but complete only once the test says so. */
    private static final class HeldWrites implements SegmentStore {
        private final FileSegmentStore file;
        final List<CompletableFuture<StoredExtent>> futures = new ArrayList<>();
        final List<StoredExtent> extents = new ArrayList<>();

        HeldWrites(FileSegmentStore file) {
            this.file = file;
        }

        private boolean holding = true;

        /** Completes every held write and lets later ones complete at once. */
        void completeAll() {
            holding = false;
            for (int i = 0; i < futures.size(); i++) {
                futures.get(i).complete(extents.get(i)); // no effect on a future already completed or failed
            }
        }

        @Override
        public CompletableFuture<StoredExtent> writeAsync(ByteBuffer claimed, int length) {
            try {
                extents.add(file.write(claimed, length));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            CompletableFuture<StoredExtent> f = new CompletableFuture<>();
            if (!holding) {
                f.complete(extents.getLast());
            }
            futures.add(f);
            return f;
        }

        @Override
        public int segmentCapacity() {
            return file.segmentCapacity();
        }

        @Override
        public ByteBuffer claim() throws IOException {
            return file.claim();
        }

        @Override
        public StoredExtent write(ByteBuffer claimed, int length) throws IOException {
            return file.write(claimed, length);
        }

        @Override
        public void release(ByteBuffer claimed) {
            file.release(claimed);
        }

        @Override
        public void sync() throws IOException {
            file.sync();
        }

        @Override
        public void read(StoredExtent extent, int offset, ByteBuffer destination) throws IOException {
            file.read(extent, offset, destination);
        }

        @Override
        public void free(StoredExtent extent) throws IOException {
            file.free(extent);
        }

        @Override
        public void recover(Iterable<StoredExtent> live) throws IOException {
            file.recover(live);
        }

        @Override
        public long freeBytes() {
            return file.freeBytes();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private MountedCartridge open(int segmentsInFlight, boolean holdWrites) throws IOException, MediumException {
        Catalog catalog = Catalog.open(directory.resolve("catalog"), false);
        FileSegmentStore file = FileSegmentStore.open(directory.resolve("segments"), SEGMENT, 100, false);
        SegmentStore segments = file;
        if (holdWrites) {
            held = new HeldWrites(file);
            segments = held;
        }
        backend = CartridgeBackend.open(catalog, segments, id -> new StoredCodec(),
                new LogConfig(POLICY, 1000, segmentsInFlight));
        LogCartridgeStore store = backend.store("default", Long.MAX_VALUE);
        if (store.find("HELD01L9").isEmpty()) {
            store.add("HELD01L9");
        }
        return store.mount("HELD01L9");
    }

    /** Writes blocks 0, 1, ... until two full segments are on their way to the store; returns how many. */
    private int writeTwoSegments(MountedCartridge c) throws MediumException {
        int n = 0;
        while (held.futures.size() < 2) {
            c.writeBlock(TestBlocks.payload(n, BLOCK));
            n++;
        }
        return n;
    }

    private static int readAll(MountedCartridge c) throws MediumException {
        c.rewind();
        ByteBuffer dst = ByteBuffer.allocate(BLOCK);
        int n = 0;
        while (true) {
            dst.clear();
            ReadOutcome r = c.read(dst);
            if (r.kind() != RecordKind.DATA) {
                return n;
            }
            assertArrayEquals(TestBlocks.bytes(n, BLOCK), TestBlocks.copied(dst), "object " + n);
            n++;
        }
    }

    @AfterEach
    void closeBackend() throws IOException {
        if (held != null) {
            held.completeAll(); // a write the test held must not hold up closing
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void writesAreAcceptedWhileUpToTheLimitOfSegmentsAreStillOnTheirWay() throws Exception {
        MountedCartridge c = open(2, true);
        int written = writeTwoSegments(c);
        assertTrue(held.futures.stream().noneMatch(CompletableFuture::isDone), "no write had to complete");
        assertEquals(written, c.position().logicalObject());
    }

    @Test
    void aSyncPointCommitsTheSegmentsOnlyOnceTheirWritesCompleted() throws Exception {
        MountedCartridge c = open(2, true);
        int written = writeTwoSegments(c);
        held.completeAll();
        c.writeFilemarks(1);
        c.close();
        backend.close();
        backend = null;
        try (MountedCartridge reopened = open(2, false)) {
            assertEquals(written, readAll(reopened));
        }
    }

    @Test
    void aFailedSegmentWriteFailsTheNextSyncPointAndIsNeverCommitted() throws Exception {
        MountedCartridge c = open(2, true);
        writeTwoSegments(c);
        held.futures.get(0).completeExceptionally(new IOException("member 3 write failed"));
        held.futures.get(1).complete(held.extents.get(1));
        c.writeFilemarks(1);
        MediumException e = assertThrows(MediumException.class, c::flush);
        assertEquals(MediumError.STORAGE_FAILURE, e.error());
        assertTrue(e.getMessage().contains("member 3 write failed"), e.getMessage());
        MediumException next = assertThrows(MediumException.class, () -> c.writeBlock(TestBlocks.payload(99, BLOCK)));
        assertEquals(MediumError.STORAGE_FAILURE, next.error());
        backend.close();
        backend = null;
        try (MountedCartridge reopened = open(2, false)) {
            assertEquals(0, readAll(reopened), "nothing of the failed stream was committed");
        }
    }

    @Test
    void withNoSegmentsInFlightEveryFullSegmentIsWrittenBeforeTheNextBlock() throws Exception {
        MountedCartridge c = open(0, false);
        int blocks = 3 * SEGMENT / BLOCK;
        for (int i = 0; i < blocks; i++) {
            c.writeBlock(TestBlocks.payload(i, BLOCK));
        }
        c.flush();
        assertEquals(blocks, readAll(c));
    }
}
