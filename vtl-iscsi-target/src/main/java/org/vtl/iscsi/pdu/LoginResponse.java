package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.byteAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.flags;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.shortAt;

/**
 * Login Response (RFC 7143 11.13): byte 1 T|C|-|-|CSG|NSG, bytes 2-3 Version-max/active, 8-13 ISID,
 * 14-15 TSIH, 16 ITT, 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN, 36 Status-Class, 37 Status-Detail; data: text.
 */
public record LoginResponse(boolean transit, boolean cont, int csg, int nsg, int versionMax, int versionActive,
                            long isid, int tsih, int initiatorTaskTag, int statSn, int expCmdSn, int maxCmdSn,
                            int statusClass, int statusDetail, byte[] text) implements ControlPdu {

    public static LoginResponse decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        int f = flags(b);
        return new LoginResponse((f & LoginRequest.TRANSIT) != 0, (f & LoginRequest.CONTINUE) != 0, (f >> 2) & 3,
                f & 3, byteAt(b, 2), byteAt(b, 3), LoginRequest.isid(b), shortAt(b, 14), intAt(b, 16),
                intAt(b, 24), intAt(b, 28), intAt(b, 32), byteAt(b, 36), byteAt(b, 37),
                BhsDescriptor.dataBytes(pdu));
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false,
                LoginRequest.stageFlags(transit, cont, csg, nsg), text.length);
        b.setByte(2, versionMax);
        b.setByte(3, versionActive);
        LoginRequest.isid(b, isid);
        b.setShort(14, tsih);
        b.setInt(16, initiatorTaskTag);
        b.setInt(24, statSn);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        b.setByte(36, statusClass);
        b.setByte(37, statusDetail);
        return Pdu.of(b, BhsDescriptor.wrap(text));
    }

    @Override
    public Opcode opcode() {
        return Opcode.LOGIN_RESPONSE;
    }
}
