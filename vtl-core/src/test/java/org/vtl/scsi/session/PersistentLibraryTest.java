package org.vtl.scsi.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vtl.scsi.TestInitiator.data;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.log.LogCartridgeStore;
import org.vtl.cartridge.log.LogFixture;
import org.vtl.library.memory.MemoryLibraryStateStore;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;
import org.vtl.scsi.smc.PartitionDevices;

/**
 * The drives over the persistent log-structured cartridge store (RocksDB catalog, segment files, deflate):
 * what st writes survives a restart of the whole stack, the loaded cartridge is still loaded, and the
 * compression log page reports the real ratio.
 */
class PersistentLibraryTest {

    private static final byte[] BLOCK = new byte[64 * 1024];

    static {
        for (int i = 0; i < BLOCK.length; i++) {
            BLOCK[i] = (byte) ("backup data " + (i / 512)).charAt(i % 12);
        }
    }

    private static PartitionDevices devices(CartridgeStore store, MemoryLibraryStateStore state) {
        return PartitionDevices.create("appliance-1", "default", ChangerIdentity.ibm3584(),
                List.of(DriveIdentity.ibm(LtoGeneration.LTO8)), 4, 1, store, state, Runnable::run);
    }

    @Test
    void writtenDataAndLoadedCartridgeSurviveRestart(@TempDir Path dir) throws Exception {
        MemoryLibraryStateStore state = new MemoryLibraryStateStore();
        try (LogFixture fixture = new LogFixture(dir, new CapacityPolicy(0, 10, 128 << 10), 32)) {
            LogCartridgeStore store = fixture.store(Long.MAX_VALUE);
            store.add(new org.vtl.cartridge.CartridgeInfo("LOG001L8", org.vtl.cartridge.MediaType.LTO8, false, false,
                    org.vtl.cartridge.MediaType.LTO8.nativeCapacity()));
            PartitionDevices first = devices(store, state);
            first.changer().addToStorage("LOG001L8");
            TestInitiator mtx = new TestInitiator(first.changer(), "mtx", 0).clearUnitAttentions();
            assertEquals(ScsiStatus.GOOD, mtx.send(0xA5, 0, 0, 1, 0x04, 0, 0x01, 0x01, 0, 0, 0, 0).status());
            TestInitiator st = new TestInitiator(first.unit(1), "st", 1).clearUnitAttentions();
            for (int i = 0; i < 3; i++) {
                assertEquals(ScsiStatus.GOOD, st.send(TestInitiator.bytes(0x0A, 0, 0x01, 0, 0, 0), BLOCK).status());
            }
            assertEquals(ScsiStatus.GOOD, st.send(0x10, 0, 0, 0, 1, 0).status()); // filemark, flushed
            byte[] compression = data(st.send(0x4D, 0, 0x72, 0, 0, 0, 0, 0x10, 0, 0));
            assertTrue(Cdb.u16(compression, 4 + 6 + 4) > 100, "write compression ratio x100 above 1:1");
            first.shutdown();
            fixture.reopen();

            PartitionDevices second = devices(fixture.store(Long.MAX_VALUE), state);
            assertEquals("LOG001L8", second.drives().get(0).barcode());
            TestInitiator reader = new TestInitiator(second.unit(1), "reader", 1).clearUnitAttentions();
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(BLOCK, data(reader.send(0x08, 0, 0x01, 0, 0, 0)));
            }
            ScsiResponse filemark = reader.send(0x08, 0, 0x01, 0, 0, 0);
            assertEquals((byte) 0x80, filemark.sense()[2]);
            ScsiResponse end = reader.send(0x08, 0, 0x01, 0, 0, 0);
            assertEquals(8, TestInitiator.senseKey(end));
            second.shutdown();
        }
    }
}
