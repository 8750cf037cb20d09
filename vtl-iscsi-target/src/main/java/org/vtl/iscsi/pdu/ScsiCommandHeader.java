package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Flyweight over a SCSI Command BHS (RFC 7143 11.3): byte 1 F|R|W|-|-|ATTR(3), 8 LUN, 16 ITT,
 * 20 Expected Data Transfer Length, 24 CmdSN, 28 ExpStatSN, 32-47 CDB. One instance per connection is
 * re-pointed at each command: nothing is allocated per command to read it.
 */
public final class ScsiCommandHeader {

    public static final int READ = 0x40;
    public static final int WRITE = 0x20;
    public static final int CDB_OFFSET = 32;
    public static final int CDB_LENGTH = 16;

    private ByteBuf bhs;
    private int base;

    public ScsiCommandHeader wrap(ByteBuf header) {
        this.bhs = header;
        this.base = header.readerIndex();
        return this;
    }

    public boolean immediate() {
        return (bhs.getByte(base) & BhsDescriptor.IMMEDIATE_BIT) != 0;
    }

    public int flags() {
        return bhs.getByte(base + 1) & 0xff;
    }

    public boolean finalBit() {
        return (flags() & BhsDescriptor.FINAL_BIT) != 0;
    }

    public boolean read() {
        return (flags() & READ) != 0;
    }

    public boolean write() {
        return (flags() & WRITE) != 0;
    }

    public int taskAttribute() {
        return flags() & 0x07;
    }

    public long lun() {
        return bhs.getLong(base + 8);
    }

    public int initiatorTaskTag() {
        return bhs.getInt(base + 16);
    }

    /** Expected Data Transfer Length as an unsigned value. */
    public long expectedDataTransferLength() {
        return bhs.getUnsignedInt(base + 20);
    }

    public int cmdSn() {
        return bhs.getInt(base + 24);
    }

    public int expStatSn() {
        return bhs.getInt(base + 28);
    }

    public int dataSegmentLength() {
        return BhsDescriptor.dataSegmentLength(bhs);
    }

    public int totalAhsWords() {
        return bhs.getByte(base + BhsDescriptor.TOTAL_AHS_LENGTH_OFFSET) & 0xff;
    }

    /** Copies the 16-byte CDB field into {@code out} at {@code offset}. */
    public void cdb(byte[] out, int offset) {
        bhs.getBytes(base + CDB_OFFSET, out, offset, CDB_LENGTH);
    }

    /** Writes a SCSI Command BHS (initiators, tests); the caller appends AHS and data. */
    public static ByteBuf write(ByteBufAllocator alloc, boolean immediate, int flags, long lun, int itt,
                                long expectedLength, int cmdSn, int expStatSn, byte[] cdb, int totalAhsWords,
                                int dataLength) {
        ByteBuf b = BhsDescriptor.allocate(alloc, Opcode.SCSI_COMMAND, immediate, flags, dataLength);
        b.setByte(BhsDescriptor.TOTAL_AHS_LENGTH_OFFSET, totalAhsWords);
        b.setLong(8, lun);
        b.setInt(16, itt);
        b.setInt(20, (int) expectedLength);
        b.setInt(24, cmdSn);
        b.setInt(28, expStatSn);
        b.setBytes(CDB_OFFSET, cdb, 0, Math.min(CDB_LENGTH, cdb.length));
        return b;
    }
}
