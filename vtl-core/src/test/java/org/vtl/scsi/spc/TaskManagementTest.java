package org.vtl.scsi.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vtl.cartridge.memory.MemoryCartridgeStore;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiCommand;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TaskManagementFunction;
import org.vtl.scsi.TaskManagementResponse;
import org.vtl.scsi.TestInitiator;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;
import org.vtl.scsi.ssc.TapeDrive;

/** Ordered execution on the logical unit's queue and task management (SAM-5 7). */
class TaskManagementTest {

    private final Nexus nexus = new Nexus("iqn.test:tmf,i,0x1", "t");

    /** An executor whose tasks run only when the test says so. */
    private static final class ManualExecutor implements java.util.concurrent.Executor {
        final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            Runnable r;
            while ((r = tasks.poll()) != null) {
                r.run();
            }
        }
    }

    private TapeDrive drive(java.util.concurrent.Executor executor) {
        MemoryCartridgeStore store = new MemoryCartridgeStore();
        store.add("TMF001L8");
        TapeDrive d = new TapeDrive("d", 0, LunInventory.of(List.of(0L)), executor,
                DriveIdentity.ibm(LtoGeneration.LTO8), "SN00000001", store);
        d.insert("TMF001L8");
        return d;
    }

    private ScsiCommand write(long tag, int seed) {
        byte[] block = {(byte) seed, (byte) (seed >> 8), 0, 0};
        return new ScsiCommand(nexus, 0, tag, TestInitiator.bytes(0x0A, 0, 0, 0, 4, 0), 0,
                Payload.of(ByteBuffer.wrap(block)));
    }

    @Test
    void commandsCompleteInSubmissionOrderOnAThreadPool() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            TapeDrive d = drive(pool);
            TestInitiator reader = new TestInitiator(d, "tmf").clearUnitAttentions();
            List<CompletableFuture<ScsiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Payload block = Payload.of(ByteBuffer.wrap(new byte[] {(byte) i, (byte) (i >> 8), 0, 0}));
                byte[] cdb = TestInitiator.bytes(0x0A, 0, 0, 0, 4, 0);
                ScsiCommand c = new ScsiCommand(reader.nexus(), 0, i, cdb, 0, block);
                futures.add(d.execute(c).toCompletableFuture());
            }
            futures.forEach(f -> assertEquals(ScsiStatus.GOOD, f.join().status()));
            reader.send(0x01, 0, 0, 0, 0, 0);
            for (int i = 0; i < 200; i++) {
                byte[] b = TestInitiator.data(reader.send(0x08, 0, 0, 0, 4, 0));
                assertEquals(i, (b[0] & 0xff) | (b[1] & 0xff) << 8, "block " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abortTaskAbortsAQueuedCommand() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        TapeDrive d = drive(executor);
        CompletableFuture<ScsiResponse> first = d.execute(write(1, 1)).toCompletableFuture();
        CompletableFuture<ScsiResponse> second = d.execute(write(2, 2)).toCompletableFuture();
        CompletableFuture<TaskManagementResponse> abort = d.manageTask(TaskManagementFunction.ABORT_TASK, nexus, 2)
                .toCompletableFuture();
        executor.runAll();
        assertEquals(ScsiStatus.CHECK_CONDITION, first.get(1, TimeUnit.SECONDS).status()); // power-on UA
        assertEquals(ScsiStatus.TASK_ABORTED, second.get(1, TimeUnit.SECONDS).status());
        assertEquals(TaskManagementResponse.FUNCTION_COMPLETE, abort.get(1, TimeUnit.SECONDS));
    }

    @Test
    void abortOfUnknownTaskSaysSo() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        TapeDrive d = drive(executor);
        CompletableFuture<TaskManagementResponse> abort = d.manageTask(TaskManagementFunction.ABORT_TASK, nexus, 99)
                .toCompletableFuture();
        executor.runAll();
        assertEquals(TaskManagementResponse.TASK_DOES_NOT_EXIST, abort.get(1, TimeUnit.SECONDS));
    }

    @Test
    void logicalUnitResetRaisesResetUnitAttentionAndReleasesReservation() {
        TapeDrive d = drive(Runnable::run);
        TestInitiator a = new TestInitiator(d, "a").clearUnitAttentions();
        TestInitiator b = new TestInitiator(d, "b").clearUnitAttentions();
        a.send(0x16, 0, 0, 0, 0, 0);
        d.manageTask(TaskManagementFunction.LOGICAL_UNIT_RESET, a.nexus(), 0).toCompletableFuture().join();
        ScsiResponse r = b.send(0x00, 0, 0, 0, 0, 0);
        assertEquals(0x29, TestInitiator.asc(r));
        assertEquals(0x03, TestInitiator.ascq(r));
        assertEquals(ScsiStatus.GOOD, b.send(0x01, 0, 0, 0, 0, 0).status());
    }

    @Test
    void commandAfterExecutorShutdownIsBusyNotAnException() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        TapeDrive d = drive(pool);
        pool.shutdownNow();
        ScsiResponse r = d.execute(write(7, 7)).toCompletableFuture().join();
        assertEquals(ScsiStatus.BUSY, r.status());
    }
}
