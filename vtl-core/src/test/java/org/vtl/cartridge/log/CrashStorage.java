package org.vtl.cartridge.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.vtl.cartridge.segment.EngineCodec;
import org.vtl.cartridge.segment.PoolSegmentStore;
import org.vtl.catalog.Catalog;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.EngineConfig;
import org.vtl.raid.Pool;
import org.vtl.raid.PoolOptions;
import org.vtl.raid.io.IoMode;

/**
 * The crash test's storage, as the appliance has it: a RAID-6 pool of six sparse file members (8 KiB chunks,
 * so 32 KiB stripes and many of them), the compression engine and the RocksDB catalog, all fsynced.
 */
final class CrashStorage implements AutoCloseable {

    private static final PoolOptions POOL = PoolOptions.defaults().withChunkSize(8 << 10).withMemberSize(64L << 20)
            .withIoMode(IoMode.AUTO).withStripeBuffers(4);

    private final CompressionEngine engine;
    private final CartridgeBackend backend;

    private CrashStorage(CompressionEngine engine, CartridgeBackend backend) {
        this.engine = engine;
        this.backend = backend;
    }

    private static List<Path> members(Path directory) {
        List<Path> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(directory.resolve("member-" + i));
        }
        return members;
    }

    /** Creates the pool once, before any child runs (a create killed half-way is not what is tested). */
    static void create(Path directory) throws IOException {
        Pool.create(members(directory), POOL, new SimpleMeterRegistry()).close();
    }

    /** Opens catalog, pool (with the catalog's live extents) and engine: the recovery path. */
    static CrashStorage open(Path directory) throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Catalog catalog = Catalog.open(directory.resolve("catalog"));
        Pool pool;
        try {
            pool = Pool.open(members(directory), POOL, registry,
                    PoolSegmentStore.toPoolExtents(CartridgeBackend.liveExtents(catalog)));
        } catch (IOException | RuntimeException e) {
            catalog.close();
            throw e;
        }
        CompressionEngine engine = CompressionEngine.start(EngineConfig.defaults().withName("crash"), registry);
        CartridgeBackend backend = CartridgeBackend.open(catalog, new PoolSegmentStore(pool),
                id -> new EngineCodec(engine, id), new LogConfig(CrashingWriter.POLICY, 4));
        return new CrashStorage(engine, backend);
    }

    LogCartridgeStore store() {
        return backend.store("default", Long.MAX_VALUE);
    }

    @Override
    public void close() throws IOException {
        try {
            backend.close();
        } finally {
            engine.close();
        }
    }
}
