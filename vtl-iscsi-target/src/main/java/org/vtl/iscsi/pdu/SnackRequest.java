package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

import static org.vtl.iscsi.pdu.BhsDescriptor.flags;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;

/**
 * SNACK Request (RFC 7143 11.16): byte 1 1|-|-|-|Type(4), 8 LUN, 16 ITT, 20 TTT, 28 ExpStatSN, 40 BegRun,
 * 44 RunLength. Only meaningful at ErrorRecoveryLevel > 0; this target rejects it.
 */
public record SnackRequest(int type, long lun, int initiatorTaskTag, int targetTransferTag, int expStatSn,
                           int begRun, int runLength) implements ControlPdu {

    public static SnackRequest decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new SnackRequest(flags(b) & 0x0f, longAt(b, 8), intAt(b, 16), intAt(b, 20), intAt(b, 28),
                intAt(b, 40), intAt(b, 44));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false, BhsDescriptor.FINAL_BIT | type, 0);
        b.setLong(8, lun);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, targetTransferTag);
        b.setInt(28, expStatSn);
        b.setInt(40, begRun);
        b.setInt(44, runLength);
        return Pdu.of(b, Unpooled.EMPTY_BUFFER);
    }

    @Override
    public Opcode opcode() {
        return Opcode.SNACK_REQUEST;
    }
}
