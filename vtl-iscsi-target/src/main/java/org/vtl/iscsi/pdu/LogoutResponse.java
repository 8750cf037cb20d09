package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

import static org.vtl.iscsi.pdu.BhsDescriptor.byteAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.shortAt;

/**
 * Logout Response (RFC 7143 11.15): byte 2 Response (0 closed, 1 CID not found, 2 recovery not supported,
 * 3 cleanup failed), 16 ITT, 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN, 40-41 Time2Wait, 42-43 Time2Retain.
 */
public record LogoutResponse(int response, int initiatorTaskTag, int statSn, int expCmdSn, int maxCmdSn,
                             int time2Wait, int time2Retain) implements ControlPdu {

    public static final int CLOSED = 0;
    public static final int CID_NOT_FOUND = 1;
    public static final int RECOVERY_NOT_SUPPORTED = 2;

    public static LogoutResponse decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new LogoutResponse(byteAt(b, 2), intAt(b, 16), intAt(b, 24), intAt(b, 28), intAt(b, 32),
                shortAt(b, 40), shortAt(b, 42));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocateResponse(alloc, opcode(), response, initiatorTaskTag, statSn, expCmdSn,
                maxCmdSn);
        b.setShort(40, time2Wait);
        b.setShort(42, time2Retain);
        return Pdu.of(b, Unpooled.EMPTY_BUFFER);
    }

    @Override
    public Opcode opcode() {
        return Opcode.LOGOUT_RESPONSE;
    }
}
