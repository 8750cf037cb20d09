package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.flags;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.shortAt;

/**
 * Logout Request (RFC 7143 11.14): byte 1 1|ReasonCode(7) (0 close session, 1 close connection, 2 remove
 * connection for recovery), 16 ITT, 20-21 CID, 24 CmdSN, 28 ExpStatSN.
 */
public record LogoutRequest(boolean immediate, int reason, int initiatorTaskTag, int cid, int cmdSn,
                            int expStatSn) implements ControlPdu {

    public static final int CLOSE_SESSION = 0;
    public static final int CLOSE_CONNECTION = 1;
    public static final int REMOVE_FOR_RECOVERY = 2;

    public static LogoutRequest decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new LogoutRequest(pdu.immediate(), flags(b) & 0x7f, intAt(b, 16), shortAt(b, 20), intAt(b, 24),
                intAt(b, 28));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), immediate, BhsDescriptor.FINAL_BIT | reason, 0);
        b.setInt(16, initiatorTaskTag);
        b.setShort(20, cid);
        b.setInt(24, cmdSn);
        b.setInt(28, expStatSn);
        return Pdu.of(b, io.netty.buffer.Unpooled.EMPTY_BUFFER);
    }

    @Override
    public Opcode opcode() {
        return Opcode.LOGOUT_REQUEST;
    }
}
