package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.flags;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;

/** Text Request (RFC 7143 11.10): byte 1 F|C, 8 LUN, 16 ITT, 20 TTT, 24 CmdSN, 28 ExpStatSN; data: text. */
public record TextRequest(boolean immediate, boolean fin, boolean cont, long lun, int initiatorTaskTag,
                          int targetTransferTag, int cmdSn, int expStatSn, byte[] text) implements ControlPdu {

    static final int CONTINUE = 0x40;

    public static TextRequest decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        int f = flags(b);
        return new TextRequest(pdu.immediate(), (f & BhsDescriptor.FINAL_BIT) != 0, (f & CONTINUE) != 0,
                longAt(b, 8), intAt(b, 16), intAt(b, 20), intAt(b, 24), intAt(b, 28), BhsDescriptor.dataBytes(pdu));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        int f = (fin ? BhsDescriptor.FINAL_BIT : 0) | (cont ? CONTINUE : 0);
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), immediate, f, text.length);
        b.setLong(8, lun);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, targetTransferTag);
        b.setInt(24, cmdSn);
        b.setInt(28, expStatSn);
        return Pdu.of(b, BhsDescriptor.wrap(text));
    }

    @Override
    public Opcode opcode() {
        return Opcode.TEXT_REQUEST;
    }
}
