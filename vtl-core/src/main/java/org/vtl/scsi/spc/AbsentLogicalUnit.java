package org.vtl.scsi.spc;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiCommand;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.SenseData;
import org.vtl.scsi.SenseEncoder;
import org.vtl.scsi.TaskManagementFunction;
import org.vtl.scsi.TaskManagementResponse;

/**
 * What a target answers for a LUN it does not have (SPC-5 4.6.4 / 6.7.2): INQUIRY with PERIPHERAL QUALIFIER
 * 011b and device type 1Fh, REPORT LUNS with the target's real LUNs, REQUEST SENSE with LOGICAL UNIT NOT
 * SUPPORTED as data, every other command CHECK CONDITION, ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED (25h/00h).
 * Stateless and thread-safe: the transport may share one per target.
 */
public final class AbsentLogicalUnit implements LogicalUnit {

    private final LunInventory lunInventory;

    public AbsentLogicalUnit(LunInventory lunInventory) {
        this.lunInventory = lunInventory;
    }

    @Override
    public int peripheralDeviceType() {
        return 0x1F;
    }

    @Override
    public CompletionStage<ScsiResponse> execute(ScsiCommand command) {
        command.dataOut().release();
        return CompletableFuture.completedFuture(answer(command));
    }

    private ScsiResponse answer(ScsiCommand command) {
        byte[] cdb = command.cdb();
        int limit = Math.max(0, command.expectedDataInLength());
        return switch (command.opcode()) {
            case 0x12 -> {
                byte[] b = new byte[36];
                b[0] = 0x7F; // PERIPHERAL QUALIFIER 011b, DEVICE TYPE 1Fh: no logical unit here
                b[2] = 0x06;
                b[3] = 0x02;
                b[4] = 31;
                yield data(b, Math.min(limit, Cdb.u16(cdb, 3)));
            }
            case 0xA0 -> {
                byte[] b = new byte[8 + 8 * lunInventory.luns().size()];
                Cdb.put32(b, 0, b.length - 8L);
                int at = 8;
                for (long lun : lunInventory.luns()) {
                    b[at + 1] = (byte) lun;
                    at += 8;
                }
                yield data(b, (int) Math.min(limit, Cdb.u32(cdb, 6)));
            }
            case 0x03 -> data(SenseEncoder.encode(SenseData.of(SenseCode.LOGICAL_UNIT_NOT_SUPPORTED),
                    (Cdb.u8(cdb, 1) & 0x01) != 0), Math.min(limit, Cdb.u8(cdb, 4)));
            default -> ScsiResponse.checkCondition(SenseEncoder.encode(
                    SenseData.of(SenseCode.LOGICAL_UNIT_NOT_SUPPORTED), false));
        };
    }

    private static ScsiResponse data(byte[] b, int limit) {
        int n = Math.min(b.length, limit);
        return ScsiResponse.good(Payload.of(ByteBuffer.wrap(b, 0, n).slice()));
    }

    @Override
    public CompletionStage<TaskManagementResponse> manageTask(TaskManagementFunction function, Nexus nexus,
                                                              long taskTag) {
        return CompletableFuture.completedFuture(function == TaskManagementFunction.ABORT_TASK
                ? TaskManagementResponse.TASK_DOES_NOT_EXIST : TaskManagementResponse.FUNCTION_COMPLETE);
    }
}
