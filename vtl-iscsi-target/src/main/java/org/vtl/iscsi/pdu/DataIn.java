package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

import static org.vtl.iscsi.pdu.BhsDescriptor.byteAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.intAt;
import static org.vtl.iscsi.pdu.BhsDescriptor.longAt;

/**
 * SCSI Data-In header (RFC 7143 11.7): byte 1 F|A|0|0|0|O|U|S, 3 Status (with S), 8 LUN, 16 ITT, 20 TTT,
 * 24 StatSN, 28 ExpCmdSN, 32 MaxCmdSN, 36 DataSN, 40 Buffer Offset, 44 Residual Count. The payload is not
 * part of the record: {@link #header} writes the BHS for a payload slice the caller attaches.
 *
 * @param flags byte 1
 */
public record DataIn(int flags, int status, long lun, int initiatorTaskTag, int targetTransferTag, int statSn,
                     int expCmdSn, int maxCmdSn, int dataSn, int bufferOffset, int residualCount)
        implements ControlPdu {

    public static final int ACKNOWLEDGE = 0x40;
    public static final int OVERFLOW = 0x04;
    public static final int UNDERFLOW = 0x02;
    public static final int STATUS = 0x01;

    public static DataIn decode(Pdu pdu) {
        ByteBuf b = pdu.bhs();
        return new DataIn(BhsDescriptor.flags(b), byteAt(b, 3), longAt(b, 8), intAt(b, 16), intAt(b, 20), intAt(b, 24),
                intAt(b, 28), intAt(b, 32), intAt(b, 36), intAt(b, 40), intAt(b, 44));
    }

    /** The BHS of one Data-In PDU, without allocating anything but the 48 bytes. */
    public static ByteBuf header(ByteBufAllocator alloc, int flags, int status, long lun, int itt, int statSn,
                                 int expCmdSn, int maxCmdSn, int dataSn, int bufferOffset, int residualCount,
                                 int dataLength) {
        ByteBuf b = BhsDescriptor.allocate(alloc, Opcode.DATA_IN, false, flags, dataLength);
        b.setByte(3, (flags & STATUS) != 0 ? status : 0);
        // RFC 7143 11.7.4: LUN and TTT are reserved unless the A bit asks for a SNACK DataACK.
        b.setLong(8, (flags & ACKNOWLEDGE) != 0 ? lun : 0);
        b.setInt(16, itt);
        b.setInt(20, BhsDescriptor.RESERVED_TAG);
        b.setInt(24, (flags & STATUS) != 0 ? statSn : 0);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        b.setInt(36, dataSn);
        b.setInt(40, bufferOffset);
        b.setInt(44, residualCount);
        return b;
    }

    /** Re-encodes with the given data segment (ownership of {@code data} passes to the PDU). */
    public Pdu encode(ByteBufAllocator alloc, ByteBuf data) {
        ByteBuf b = BhsDescriptor.allocate(alloc, opcode(), false, flags, data.readableBytes());
        b.setByte(3, status);
        b.setLong(8, lun);
        b.setInt(16, initiatorTaskTag);
        b.setInt(20, targetTransferTag);
        b.setInt(24, statSn);
        b.setInt(28, expCmdSn);
        b.setInt(32, maxCmdSn);
        b.setInt(36, dataSn);
        b.setInt(40, bufferOffset);
        b.setInt(44, residualCount);
        return Pdu.of(b, data);
    }

    @Override
    public Pdu encode(ByteBufAllocator alloc) {
        return encode(alloc, Unpooled.EMPTY_BUFFER);
    }

    @Override
    public Opcode opcode() {
        return Opcode.DATA_IN;
    }
}
