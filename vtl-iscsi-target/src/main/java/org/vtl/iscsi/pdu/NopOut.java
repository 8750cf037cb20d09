package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;

/** NOP-Out (RFC 7143 11.18): 8 LUN, 16 ITT, 20 TTT, 24 CmdSN, 28 ExpStatSN; data: ping data. */
public record NopOut(boolean immediate, long lun, int initiatorTaskTag, int targetTransferTag, int cmdSn,
                     int expStatSn, byte[] pingData) implements ControlPdu {

    public static NopOut decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new NopOut(pdu.immediate(), longAt(b, 8), intAt(b, 16), intAt(b, 20), intAt(b, 24), intAt(b, 28),
                BhsDescriptor.dataBytes(pdu));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), immediate, BhsDescriptor.FINAL_BIT, pingData.length);
        b.setLong(8, lun);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, targetTransferTag);
        b.setInt(24, cmdSn);
        b.setInt(28, expStatSn);
        return Pdu.of(b, BhsDescriptor.wrap(pingData));
    }

    @Override
    public Opcode opcode() {
        return Opcode.NOP_OUT;
    }
}
