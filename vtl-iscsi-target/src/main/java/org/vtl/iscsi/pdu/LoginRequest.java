package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.byteAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.flags;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.shortAt;

/**
 * Login Request (RFC 7143 11.12): byte 1 T|C|-|-|CSG(2)|NSG(2), bytes 2-3 Version-max/min, bytes 8-13 ISID,
 * 14-15 TSIH, 16 ITT, 20-21 CID, 24 CmdSN, 28 ExpStatSN; data: text keys.
 */
public record LoginRequest(boolean transit, boolean cont, int csg, int nsg, int versionMax, int versionMin,
                           long isid, int tsih, int initiatorTaskTag, int cid, int cmdSn, int expStatSn,
                           byte[] text) implements ControlPdu {

    static final int TRANSIT = 0x80;
    static final int CONTINUE = 0x40;

    public static LoginRequest decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        int f = flags(b);
        return new LoginRequest((f & TRANSIT) != 0, (f & CONTINUE) != 0, (f >> 2) & 3, f & 3, byteAt(b, 2),
                byteAt(b, 3), isid(b), shortAt(b, 14), intAt(b, 16), shortAt(b, 20), intAt(b, 24), intAt(b, 28),
                BhsDescriptor.dataBytes(pdu));
    }

    static long isid(ByteBuf b) {
        return ((long) shortAt(b, 8) << 32) | (intAt(b, 10) & 0xffff_ffffL);
    }

    static void isid(ByteBuf b, long isid) {
        b.setShort(8, (int) (isid >>> 32));
        b.setInt(10, (int) isid);
    }

    static int stageFlags(boolean transit, boolean cont, int csg, int nsg) {
        return (transit ? TRANSIT : 0) | (cont ? CONTINUE : 0) | (csg & 3) << 2 | (nsg & 3);
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        // RFC 7143 11.12: the immediate bit is always set on Login Requests.
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), true, stageFlags(transit, cont, csg, nsg), text.length);
        b.setByte(2, versionMax);
        b.setByte(3, versionMin);
        isid(b, isid);
        b.setShort(14, tsih);
        b.setInt(16, initiatorTaskTag);
        b.setShort(20, cid);
        b.setInt(24, cmdSn);
        b.setInt(28, expStatSn);
        return Pdu.of(b, BhsDescriptor.wrap(text));
    }

    @Override
    public Opcode opcode() {
        return Opcode.LOGIN_REQUEST;
    }
}
