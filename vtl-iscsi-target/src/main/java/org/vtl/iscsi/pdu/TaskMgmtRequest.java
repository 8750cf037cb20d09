package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

import static org.vtl.iscsi.pdu.BhsDescriptor.flags;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;

/**
 * Task Management Function Request (RFC 7143 11.5): byte 1 1|Function(7), 8 LUN, 16 ITT, 20 Referenced Task
 * Tag, 24 CmdSN, 28 ExpStatSN, 32 RefCmdSN, 36 ExpDataSN.
 */
public record TaskMgmtRequest(boolean immediate, int function, long lun, int initiatorTaskTag,
                              int referencedTaskTag, int cmdSn, int expStatSn, int refCmdSn, int expDataSn)
        implements ControlPdu {

    public static TaskMgmtRequest decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new TaskMgmtRequest(pdu.immediate(), flags(b) & 0x7f, longAt(b, 8), intAt(b, 16), intAt(b, 20),
                intAt(b, 24), intAt(b, 28), intAt(b, 32), intAt(b, 36));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), immediate, BhsDescriptor.FINAL_BIT | function, 0);
        b.setLong(8, lun);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, referencedTaskTag);
        b.setInt(24, cmdSn);
        b.setInt(28, expStatSn);
        b.setInt(32, refCmdSn);
        b.setInt(36, expDataSn);
        return Pdu.of(b, Unpooled.EMPTY_BUFFER);
    }

    @Override
    public Opcode opcode() {
        return Opcode.TASK_MGMT_REQUEST;
    }
}
