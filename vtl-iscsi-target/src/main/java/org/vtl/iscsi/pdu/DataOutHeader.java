package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Flyweight over a SCSI Data-Out BHS (RFC 7143 11.7): byte 1 F, 8 LUN, 16 ITT, 20 TTT, 28 ExpStatSN,
 * 36 DataSN, 40 Buffer Offset. Re-pointed per PDU, never allocated per block.
 */
public final class DataOutHeader {

    private ByteBuf bhs;
    private int base;

    public DataOutHeader wrap(ByteBuf header) {
        this.bhs = header;
        this.base = header.readerIndex();
        return this;
    }

    public boolean finalBit() {
        return (bhs.getByte(base + 1) & BhsDescriptor.FINAL_BIT) != 0;
    }

    public int flags() {
        return bhs.getByte(base + 1) & 0xff;
    }

    public long lun() {
        return bhs.getLong(base + 8);
    }

    public int initiatorTaskTag() {
        return bhs.getInt(base + 16);
    }

    public int targetTransferTag() {
        return bhs.getInt(base + 20);
    }

    public int expStatSn() {
        return bhs.getInt(base + 28);
    }

    public int dataSn() {
        return bhs.getInt(base + 36);
    }

    /** Buffer Offset as an unsigned value. */
    public long bufferOffset() {
        return bhs.getUnsignedInt(base + 40);
    }

    public int dataSegmentLength() {
        return BhsDescriptor.dataSegmentLength(bhs);
    }

    /** Writes a Data-Out BHS (initiators, tests). */
    public static ByteBuf write(ByteBufAllocator alloc, int flags, long lun, int itt, int ttt, int expStatSn,
                                int dataSn, int bufferOffset, int dataLength) {
        ByteBuf b = BhsDescriptor.allocate(alloc, Opcode.DATA_OUT, false, flags, dataLength);
        b.setLong(8, lun);
        b.setInt(16, itt);
        b.setInt(20, ttt);
        b.setInt(28, expStatSn);
        b.setInt(36, dataSn);
        b.setInt(40, bufferOffset);
        return b;
    }
}
