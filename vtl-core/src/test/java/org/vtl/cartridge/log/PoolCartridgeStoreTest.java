package org.vtl.cartridge.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.MountedCartridgeContract;
import org.vtl.cartridge.ReadOutcome;
import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.segment.EngineCodec;
import org.vtl.cartridge.segment.PoolSegmentStore;
import org.vtl.catalog.Catalog;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.EngineConfig;
import org.vtl.raid.Pool;
import org.vtl.raid.PoolOptions;
import org.vtl.raid.io.IoMode;

/**
 * The shared cartridge contract on the real data path: RAID-6 pool of six sparse file members (segments are
 * stripes, narrower at sync points) and the compression engine (zstd frames written straight into the
 * stripe buffer), with the RocksDB catalog.
 */
class PoolCartridgeStoreTest extends MountedCartridgeContract {

    private static final PoolOptions POOL = PoolOptions.defaults().withChunkSize(128 << 10)
            .withMemberSize(48L << 20).withIoMode(IoMode.AUTO);

    @TempDir
    Path directory;

    private CartridgeBackend backend;
    private CompressionEngine engine;
    private LogCartridgeStore store;
    private CapacityPolicy policy;
    private long quota;

    private List<Path> members() {
        List<Path> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(directory.resolve("member-" + i));
        }
        return members;
    }

    private void start(boolean create) throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        if (engine == null) {
            engine = CompressionEngine.start(EngineConfig.defaults().withName("test"), registry);
        }
        Catalog catalog = Catalog.open(directory.resolve("catalog"));
        Pool pool = create ? Pool.create(members(), POOL, registry)
                : Pool.open(members(), POOL, registry,
                        PoolSegmentStore.toPoolExtents(CartridgeBackend.liveExtents(catalog)));
        backend = CartridgeBackend.open(catalog, new PoolSegmentStore(pool), id -> new EngineCodec(engine, id),
                new LogConfig(policy, 4));
        store = backend.store("default", quota);
    }

    @Override
    protected CartridgeStore open(CapacityPolicy capacityPolicy, long partitionQuota, List<CartridgeInfo> cartridges)
            throws Exception {
        policy = capacityPolicy;
        quota = partitionQuota;
        start(true);
        cartridges.forEach(store::add);
        return store;
    }

    @Override
    protected void setWriteProtected(String barcode, boolean writeProtected) {
        store.setWriteProtected(barcode, writeProtected);
    }

    @Override
    protected CartridgeStore restart() throws Exception {
        backend.close();
        start(false);
        return store;
    }

    @AfterEach
    void stop() throws Exception {
        closeMounted();
        if (backend != null) {
            backend.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void compressibleBlocksAreStoredSmallerAndReadBackExactly() throws Exception {
        MountedCartridge c = mountOne(info(BARCODE, false, 8L << 20), Long.MAX_VALUE);
        byte[] text = "the quick brown fox jumps over the lazy dog. ".repeat(2000).getBytes();
        for (int i = 0; i < 20; i++) {
            c.writeBlock(org.vtl.cartridge.TestBlocks.payload(text));
        }
        c.flush();
        assertTrue(c.statistics().bytesWrittenStored() * 10 < c.statistics().bytesWrittenNative(),
                "stored " + c.statistics().bytesWrittenStored() + " of " + c.statistics().bytesWrittenNative());
        c.rewind();
        ByteBuffer dst = ByteBuffer.allocateDirect(text.length);
        for (int i = 0; i < 20; i++) {
            dst.clear();
            assertEquals(new ReadOutcome(RecordKind.DATA, text.length, text.length), c.read(dst));
            dst.flip();
            byte[] got = new byte[dst.remaining()];
            dst.get(got);
            org.junit.jupiter.api.Assertions.assertArrayEquals(text, got);
        }
    }

    @Test
    void blocksArrivingInSeveralPiecesAreCompressedWhateverTheOrderOfTheirSizes() throws Exception {
        // An iSCSI initiator sends a 256 KiB block as several Data-Out PDUs: the payload is gathered.
        MountedCartridge c = mountOne(info(BARCODE, false, 8L << 20), Long.MAX_VALUE);
        byte[] text = "0123456789 counting lines\n".repeat(10_000).getBytes();
        int[] sizes = {text.length, text.length / 4, text.length};
        for (int size : sizes) {
            c.writeBlock(inThreePieces(text, size));
        }
        c.flush();
        assertTrue(c.statistics().bytesWrittenStored() * 10 < c.statistics().bytesWrittenNative(),
                "stored " + c.statistics().bytesWrittenStored() + " of " + c.statistics().bytesWrittenNative());
        c.rewind();
        ByteBuffer dst = ByteBuffer.allocateDirect(text.length);
        for (int size : sizes) {
            dst.clear();
            assertEquals(new ReadOutcome(RecordKind.DATA, size, size), c.read(dst));
            org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOf(text, size),
                    org.vtl.cartridge.TestBlocks.copied(dst));
        }
    }

    private static org.vtl.scsi.Payload inThreePieces(byte[] data, int length) {
        int cut = length / 3;
        return org.vtl.scsi.Payload.of(direct(data, 0, cut), direct(data, cut, cut), direct(data, 2 * cut,
                length - 2 * cut));
    }

    private static ByteBuffer direct(byte[] data, int offset, int length) {
        return ByteBuffer.allocateDirect(length).put(data, offset, length).flip();
    }
}
