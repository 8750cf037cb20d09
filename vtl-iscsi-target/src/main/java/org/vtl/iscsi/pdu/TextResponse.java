package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.flags;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;

/**
 * Text Response (RFC 7143 11.11): byte 1 F|C, 8 LUN, 16 ITT, 20 TTT, 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN;
 * data: text.
 */
public record TextResponse(boolean fin, boolean cont, long lun, int initiatorTaskTag, int targetTransferTag,
                           int statSn, int expCmdSn, int maxCmdSn, byte[] text) implements ControlPdu {

    public static TextResponse decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        int f = flags(b);
        return new TextResponse((f & BhsDescriptor.FINAL_BIT) != 0, (f & TextRequest.CONTINUE) != 0, longAt(b, 8),
                intAt(b, 16), intAt(b, 20), intAt(b, 24), intAt(b, 28), intAt(b, 32), BhsDescriptor.dataBytes(pdu));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        int f = (fin ? BhsDescriptor.FINAL_BIT : 0) | (cont ? TextRequest.CONTINUE : 0);
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false, f, text.length);
        b.setLong(8, lun);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, targetTransferTag);
        b.setInt(24, statSn);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        return Pdu.of(b, BhsDescriptor.wrap(text));
    }

    @Override
    public Opcode opcode() {
        return Opcode.TEXT_RESPONSE;
    }
}
