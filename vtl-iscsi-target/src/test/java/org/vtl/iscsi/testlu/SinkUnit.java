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

/** A unit that drops written data and reads back slices of one preallocated buffer (throughput probes). */
public final class SinkUnit implements LogicalUnit {

    private final ByteBuffer source = ByteBuffer.allocateDirect(16 << 20);

    @Override
    public int peripheralDeviceType() {
        return 0x01;
    }

    @Override
    public CompletionStage<ScsiResponse> execute(ScsiCommand command) {
        command.dataOut().release();
        if (command.opcode() == 0x08) {
            byte[] c = command.cdb();
            int length = (c[2] & 0xff) << 16 | (c[3] & 0xff) << 8 | (c[4] & 0xff);
            return CompletableFuture.completedFuture(ScsiResponse.good(Payload.of(source.slice(0, length))));
        }
        return CompletableFuture.completedFuture(ScsiResponse.good());
    }

    @Override
    public CompletionStage<TaskManagementResponse> manageTask(TaskManagementFunction function, Nexus nexus,
                                                              long taskTag) {
        return CompletableFuture.completedFuture(TaskManagementResponse.FUNCTION_COMPLETE);
    }
}
