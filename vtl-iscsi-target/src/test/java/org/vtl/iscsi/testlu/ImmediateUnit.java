package org.vtl.iscsi.testlu;

import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiCommand;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.TaskManagementFunction;
import org.vtl.scsi.TaskManagementResponse;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A logical unit that answers on the caller's thread (for single-threaded harnesses such as EmbeddedChannel):
 * GOOD for everything, 1 KiB of data for READ(6), INQUIRY data; releases written payloads at once.
 */
public final class ImmediateUnit implements LogicalUnit {

    public final AtomicLong commands = new AtomicLong();
    public final AtomicLong bytesWritten = new AtomicLong();

    @Override
    public int peripheralDeviceType() {
        return 0x01;
    }

    @Override
    public CompletionStage<ScsiResponse> execute(ScsiCommand command) {
        commands.incrementAndGet();
        Payload data = command.dataOut();
        bytesWritten.addAndGet(data.length());
        data.release();
        return CompletableFuture.completedFuture(switch (command.opcode()) {
            case 0x08 -> ScsiResponse.good(Payload.of(ByteBuffer.allocateDirect(1024)));
            case 0x12 -> ScsiResponse.good(Payload.of(ByteBuffer.allocateDirect(36).put(0, (byte) 1)));
            default -> ScsiResponse.good();
        });
    }

    @Override
    public CompletionStage<TaskManagementResponse> manageTask(TaskManagementFunction function, Nexus nexus,
                                                              long taskTag) {
        return CompletableFuture.completedFuture(TaskManagementResponse.FUNCTION_COMPLETE);
    }
}
