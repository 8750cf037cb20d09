package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static org.vtl.iscsi.pdu.BhsDescriptor.byteAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;

/**
 * SCSI Response (RFC 7143 11.4): byte 1 1|-|-|o|u|O|U|-, 2 Response, 3 Status, 16 ITT, 20 SNACK Tag,
 * 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN, 36 ExpDataSN, 40 Bidirectional Read Residual Count, 44 Residual Count;
 * data: SenseLength(2) + sense data (11.4.7).
 *
 * @param flags byte 1 including the F bit
 * @param data  the whole data segment (SenseLength and sense), empty without sense
 */
public record ScsiResponsePdu(int flags, int response, int status, int initiatorTaskTag, int snackTag, int statSn,
                              int expCmdSn, int maxCmdSn, int expDataSn, int bidiResidualCount, int residualCount,
                              byte[] data) implements ControlPdu {

    public static final int RESIDUAL_OVERFLOW = 0x04;
    public static final int RESIDUAL_UNDERFLOW = 0x02;
    /** Response: command completed at target (11.4.3). */
    public static final int COMMAND_COMPLETED = 0x00;

    public static ScsiResponsePdu decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new ScsiResponsePdu(BhsDescriptor.flags(b), byteAt(b, 2), byteAt(b, 3), intAt(b, 16), intAt(b, 20),
                intAt(b, 24),
                intAt(b, 28), intAt(b, 32), intAt(b, 36), intAt(b, 40), intAt(b, 44), BhsDescriptor.dataBytes(pdu));
    }

    /** The data segment for sense bytes (11.4.7.2): a 2-byte SenseLength and the sense data. */
    public static byte[] senseSegment(byte[] sense) {
        if (sense.length == 0) {
            return sense;
        }
        byte[] out = new byte[2 + sense.length];
        out[0] = (byte) (sense.length >> 8);
        out[1] = (byte) sense.length;
        System.arraycopy(sense, 0, out, 2, sense.length);
        return out;
    }

    /** The sense bytes carried in the data segment, empty if none. */
    public byte[] sense() {
        if (data.length < 2) {
            return new byte[0];
        }
        int length = Math.min(((data[0] & 0xff) << 8) | (data[1] & 0xff), data.length - 2);
        byte[] out = new byte[length];
        System.arraycopy(data, 2, out, 0, length);
        return out;
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false, flags, data.length);
        b.setByte(2, response);
        b.setByte(3, status);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, snackTag);
        b.setInt(24, statSn);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        b.setInt(36, expDataSn);
        b.setInt(40, bidiResidualCount);
        b.setInt(44, residualCount);
        return Pdu.of(b, BhsDescriptor.wrap(data));
    }

    @Override
    public Opcode opcode() {
        return Opcode.SCSI_RESPONSE;
    }
}
