package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;

/** NOP-In (RFC 7143 11.19): 8 LUN, 16 ITT, 20 TTT, 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN; data: ping data. */
public record NopIn(long lun, int initiatorTaskTag, int targetTransferTag, int statSn, int expCmdSn, int maxCmdSn,
                    byte[] pingData) implements ControlPdu {

    public static NopIn decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new NopIn(longAt(b, 8), intAt(b, 16), intAt(b, 20), intAt(b, 24), intAt(b, 28), intAt(b, 32),
                BhsDescriptor.dataBytes(pdu));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false, BhsDescriptor.FINAL_BIT, pingData.length);
        b.setLong(8, lun);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, targetTransferTag);
        b.setInt(24, statSn);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        return Pdu.of(b, BhsDescriptor.wrap(pingData));
    }

    @Override
    public Opcode opcode() {
        return Opcode.NOP_IN;
    }
}
