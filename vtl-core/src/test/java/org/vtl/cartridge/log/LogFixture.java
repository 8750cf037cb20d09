package org.vtl.cartridge.log;

import java.io.IOException;
import java.nio.file.Path;

import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.segment.BlockCodec;
import org.vtl.cartridge.segment.DeflateCodec;
import org.vtl.cartridge.segment.FileSegmentStore;
import org.vtl.catalog.Catalog;

/** A cartridge backend on a real RocksDB catalog and a file segment store in a directory, reopenable. */
public final class LogFixture implements AutoCloseable {

    public static final int SEGMENT_CAPACITY = 320 << 10;

    private final Path directory;
    private final LogConfig config;
    private final int slots;
    private final boolean fsync;
    private final int segmentCapacity;
    private CartridgeBackend backend;

    public LogFixture(Path directory, CapacityPolicy policy, int slots) throws IOException {
        this(directory, policy, slots, true);
    }

    /** With {@code fsync} false, for property tests of semantics: sync points reach the OS, not the disk. */
    public LogFixture(Path directory, CapacityPolicy policy, int slots, boolean fsync) throws IOException {
        this(directory, policy, slots, fsync, SEGMENT_CAPACITY);
    }

    /** With a chosen segment size, so that tests cross many segments with small blocks. */
    public LogFixture(Path directory, CapacityPolicy policy, int slots, boolean fsync, int segmentCapacity)
            throws IOException {
        this.segmentCapacity = segmentCapacity;
        this.directory = directory;
        this.config = new LogConfig(policy, 4);
        this.slots = slots;
        this.fsync = fsync;
        open();
    }

    public CartridgeBackend backend() {
        return backend;
    }

    public LogCartridgeStore store(long quota) {
        return backend.store("default", quota);
    }

    /** Closes and reopens the backend as after a clean shutdown. */
    public CartridgeBackend reopen() throws IOException {
        backend.close();
        open();
        return backend;
    }

    private void open() throws IOException {
        Catalog catalog = Catalog.open(directory.resolve("catalog"), fsync);
        FileSegmentStore segments = FileSegmentStore.open(directory.resolve("segments"), segmentCapacity, slots,
                fsync);
        backend = CartridgeBackend.open(catalog, segments, id -> (BlockCodec) new DeflateCodec(), config);
    }

    @Override
    public void close() throws IOException {
        backend.close();
    }
}
