package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.byteAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.shortAt;

/**
 * Asynchronous Message (RFC 7143 11.9): 8 LUN, 16 0xffffffff, 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN,
 * 36 AsyncEvent, 37 AsyncVCode, 38/40/42 Parameter1-3; data: sense or iSCSI event data.
 */
public record AsyncMessage(long lun, int statSn, int expCmdSn, int maxCmdSn, int asyncEvent, int asyncVCode,
                           int parameter1, int parameter2, int parameter3, byte[] data) implements ControlPdu {

    /** AsyncEvent 1: the target requests a logout within Parameter3 seconds. */
    public static final int LOGOUT_REQUESTED = 1;

    public static AsyncMessage decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new AsyncMessage(longAt(b, 8), intAt(b, 24), intAt(b, 28), intAt(b, 32), byteAt(b, 36),
                byteAt(b, 37), shortAt(b, 38), shortAt(b, 40), shortAt(b, 42), BhsDescriptor.dataBytes(pdu));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false, BhsDescriptor.FINAL_BIT, data.length);
        b.setLong(8, lun);
        b.setInt(16, BhsDescriptor.RESERVED_TAG);
        b.setInt(24, statSn);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        b.setByte(36, asyncEvent);
        b.setByte(37, asyncVCode);
        b.setShort(38, parameter1);
        b.setShort(40, parameter2);
        b.setShort(42, parameter3);
        return Pdu.of(b, BhsDescriptor.wrap(data));
    }

    @Override
    public Opcode opcode() {
        return Opcode.ASYNC_MESSAGE;
    }
}
