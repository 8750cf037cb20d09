package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;

/**
 * Ready To Transfer (RFC 7143 11.8): 8 LUN, 16 ITT, 20 TTT, 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN, 36 R2TSN,
 * 40 Buffer Offset, 44 Desired Data Transfer Length.
 */
public record R2t(long lun, int initiatorTaskTag, int targetTransferTag, int statSn, int expCmdSn, int maxCmdSn,
                  int r2tSn, int bufferOffset, int desiredLength) implements ControlPdu {

    public static R2t decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new R2t(longAt(b, 8), intAt(b, 16), intAt(b, 20), intAt(b, 24), intAt(b, 28), intAt(b, 32),
                intAt(b, 36), intAt(b, 40), intAt(b, 44));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false, BhsDescriptor.FINAL_BIT, 0);
        b.setLong(8, lun);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, targetTransferTag);
        b.setInt(24, statSn);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        b.setInt(36, r2tSn);
        b.setInt(40, bufferOffset);
        b.setInt(44, desiredLength);
        return Pdu.of(b, Unpooled.EMPTY_BUFFER);
    }

    @Override
    public Opcode opcode() {
        return Opcode.R2T;
    }
}
