package org.vtl.scsi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.vtl.cartridge.memory.MemoryCartridgeStore;
import org.vtl.library.LibraryException;
import org.vtl.library.memory.MemoryLibraryStateStore;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;
import org.vtl.scsi.smc.PartitionDevices;

/** The changer loads and unloads a drive while an initiator keeps talking to that drive, on a thread pool. */
class ConcurrentLibraryTest {

    @Test
    void changerMovesAndDriveCommandsInterleaveWithoutDeadlockOrInternalError() throws LibraryException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            MemoryCartridgeStore cartridges = new MemoryCartridgeStore();
            cartridges.add("CON001L8");
            PartitionDevices p = PartitionDevices.create("appliance-1", "c", ChangerIdentity.ibm3584(),
                    List.of(DriveIdentity.ibm(LtoGeneration.LTO8)), 4, 1, cartridges, new MemoryLibraryStateStore(),
                    pool);
            p.changer().addToStorage("CON001L8");
            TestInitiator mtx = new TestInitiator(p.changer(), "mtx", 0).clearUnitAttentions();
            TestInitiator st = new TestInitiator(p.unit(1), "st", 1);
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                CompletableFuture<Void> changer = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 200; i++) {
                        assertEquals(ScsiStatus.GOOD, mtx.send(0xA5, 0, 0, 1, 0x04, 0, 0x01, 0x01, 0, 0, 0, 0)
                                .status());
                        assertEquals(ScsiStatus.GOOD, mtx.send(0xA5, 0, 0, 1, 0x01, 0x01, 0x04, 0, 0, 0, 0, 0)
                                .status());
                    }
                });
                CompletableFuture<Void> drive = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 2000; i++) {
                        ScsiResponse r = st.send(0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0);
                        if (r.status() == ScsiStatus.CHECK_CONDITION) {
                            int key = TestInitiator.senseKey(r);
                            assertTrue(Set.of(2, 6).contains(key), "not ready or unit attention, got key " + key);
                        } else {
                            assertEquals(ScsiStatus.GOOD, r.status());
                        }
                    }
                });
                CompletableFuture.allOf(changer, drive).join();
            });
            assertEquals("CON001L8", p.changer().partition().element(0x0400).orElseThrow().barcode());
        } finally {
            pool.shutdownNow();
        }
    }
}
