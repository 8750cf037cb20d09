package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.byteAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;

/**
 * Reject (RFC 7143 11.17): 2 Reason, 16 ITT (0xffffffff), 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN,
 * 36 DataSN/R2TSN; data: the complete BHS of the rejected PDU.
 */
public record Reject(int reason, int statSn, int expCmdSn, int maxCmdSn, int dataSn, byte[] rejectedHeader)
        implements ControlPdu {

    public static Reject decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new Reject(byteAt(b, 2), intAt(b, 24), intAt(b, 28), intAt(b, 32), intAt(b, 36),
                BhsDescriptor.dataBytes(pdu));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false, BhsDescriptor.FINAL_BIT, rejectedHeader.length);
        b.setByte(2, reason);
        b.setInt(16, BhsDescriptor.RESERVED_TAG);
        b.setInt(24, statSn);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        b.setInt(36, dataSn);
        return Pdu.of(b, BhsDescriptor.wrap(rejectedHeader));
    }

    @Override
    public Opcode opcode() {
        return Opcode.REJECT;
    }
}
