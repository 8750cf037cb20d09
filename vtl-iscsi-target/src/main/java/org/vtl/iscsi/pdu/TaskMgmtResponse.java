package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

import static org.vtl.iscsi.pdu.BhsDescriptor.byteAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;

/** Task Management Function Response (RFC 7143 11.6): 2 Response, 16 ITT, 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN. */
public record TaskMgmtResponse(int response, int initiatorTaskTag, int statSn, int expCmdSn, int maxCmdSn)
        implements ControlPdu {

    public static TaskMgmtResponse decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new TaskMgmtResponse(byteAt(b, 2), intAt(b, 16), intAt(b, 24), intAt(b, 28), intAt(b, 32));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocateResponse(alloc, opcode(), response, initiatorTaskTag, statSn, expCmdSn,
                maxCmdSn);
        return Pdu.of(b, Unpooled.EMPTY_BUFFER);
    }

    @Override
    public Opcode opcode() {
        return Opcode.TASK_MGMT_RESPONSE;
    }
}
