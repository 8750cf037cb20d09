package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Byte layout of the 48-byte Basic Header Segment (RFC 7143 11.2.1).
 *
 * <pre>
 *  byte  0: . I opcode(6)       byte 1: F + opcode-specific     bytes 2-3: opcode-specific
 *  byte  4: TotalAHSLength (4-byte words)   bytes 5-7: DataSegmentLength (bytes, without padding)
 *  bytes 8-15: LUN or opcode-specific       bytes 16-19: Initiator Task Tag
 *  bytes 20-47: opcode-specific (TTT, CmdSN/StatSN, ExpStatSN/ExpCmdSN, MaxCmdSN, DataSN, offsets...)
 * </pre>
 */
public final class BhsDescriptor {

    public static final int LENGTH = 48;
    public static final int OPCODE_OFFSET = 0;
    public static final int FLAGS_OFFSET = 1;
    public static final int TOTAL_AHS_LENGTH_OFFSET = 4;
    public static final int DATA_SEGMENT_LENGTH_OFFSET = 5;
    public static final int LUN_OFFSET = 8;
    public static final int INITIATOR_TASK_TAG_OFFSET = 16;
    public static final int FIELD20_OFFSET = 20;
    public static final int FIELD24_OFFSET = 24;
    public static final int FIELD28_OFFSET = 28;
    public static final int FIELD32_OFFSET = 32;
    public static final int FIELD36_OFFSET = 36;
    public static final int FIELD40_OFFSET = 40;
    public static final int FIELD44_OFFSET = 44;
    /** The largest DataSegmentLength the 24-bit field can declare. */
    public static final int MAX_DATA_SEGMENT_LENGTH = 0xff_ffff;
    /** The reserved tag value (RFC 7143 11.2.1.8). */
    public static final int RESERVED_TAG = 0xffff_ffff;
    public static final int IMMEDIATE_BIT = 0x40;
    public static final int FINAL_BIT = 0x80;

    private BhsDescriptor() {
    }

    public static int opcodeCode(ByteBuf bhs) {
        return bhs.getByte(bhs.readerIndex() + OPCODE_OFFSET) & 0x3f;
    }

    public static boolean immediate(ByteBuf bhs) {
        return (bhs.getByte(bhs.readerIndex() + OPCODE_OFFSET) & IMMEDIATE_BIT) != 0;
    }

    public static int flags(ByteBuf bhs) {
        return bhs.getByte(bhs.readerIndex() + FLAGS_OFFSET) & 0xff;
    }

    public static int totalAhsLengthBytes(ByteBuf bhs) {
        return (bhs.getByte(bhs.readerIndex() + TOTAL_AHS_LENGTH_OFFSET) & 0xff) * 4;
    }

    public static int dataSegmentLength(ByteBuf bhs) {
        return bhs.getMedium(bhs.readerIndex() + DATA_SEGMENT_LENGTH_OFFSET) & MAX_DATA_SEGMENT_LENGTH;
    }

    public static int initiatorTaskTag(ByteBuf bhs) {
        return bhs.getInt(bhs.readerIndex() + INITIATOR_TASK_TAG_OFFSET);
    }

    public static int intAt(ByteBuf bhs, int offset) {
        return bhs.getInt(bhs.readerIndex() + offset);
    }

    public static long longAt(ByteBuf bhs, int offset) {
        return bhs.getLong(bhs.readerIndex() + offset);
    }

    public static int byteAt(ByteBuf bhs, int offset) {
        return bhs.getByte(bhs.readerIndex() + offset) & 0xff;
    }

    public static int shortAt(ByteBuf bhs, int offset) {
        return bhs.getUnsignedShort(bhs.readerIndex() + offset);
    }

    /** Writes the common first bytes: opcode with the immediate bit, byte 1, bytes 2-3 and the lengths. */
    public static void writeHead(ByteBuf out, Opcode opcode, boolean immediate, int byte1, int byte2, int byte3,
                                 int totalAhsWords, int dataSegmentLength) {
        out.writeByte(opcode.code() | (immediate ? IMMEDIATE_BIT : 0));
        out.writeByte(byte1);
        out.writeByte(byte2);
        out.writeByte(byte3);
        out.writeByte(totalAhsWords);
        out.writeMedium(dataSegmentLength);
    }

    /**
     * A zeroed 48-byte BHS with byte 0 (opcode, immediate bit), byte 1 and the DataSegmentLength set; the
     * caller sets the opcode-specific fields at their offsets.
     */
    public static ByteBuf allocate(ByteBufAllocator alloc, Opcode opcode, boolean immediate, int byte1,
                                   int dataSegmentLength) {
        ByteBuf bhs = alloc.buffer(LENGTH, LENGTH);
        bhs.writeZero(LENGTH);
        bhs.setByte(OPCODE_OFFSET, opcode.code() | (immediate ? IMMEDIATE_BIT : 0));
        bhs.setByte(FLAGS_OFFSET, byte1);
        bhs.setMedium(DATA_SEGMENT_LENGTH_OFFSET, dataSegmentLength);
        return bhs;
    }

    /**
     * The header of a final response without data whose byte 2 is a response code and whose 16/24/28/32 are
     * ITT, StatSN, ExpCmdSN and MaxCmdSN: Logout Response (RFC 7143 11.15) and Task Management Function
     * Response (11.6) share this layout.
     */
    public static ByteBuf allocateResponse(ByteBufAllocator alloc, Opcode opcode, int response, int initiatorTaskTag,
                                           int statSn, int expCmdSn, int maxCmdSn) {
        ByteBuf bhs = allocate(alloc, opcode, false, FINAL_BIT, 0);
        bhs.setByte(2, response);
        bhs.setInt(INITIATOR_TASK_TAG_OFFSET, initiatorTaskTag);
        bhs.setInt(FIELD24_OFFSET, statSn);
        bhs.setInt(FIELD28_OFFSET, expCmdSn);
        bhs.setInt(FIELD32_OFFSET, maxCmdSn);
        return bhs;
    }

    /** The data segment of a PDU as bytes: for control PDUs (text, sense, ping data) only. */
    public static byte[] dataBytes(Pdu pdu) {
        return ByteBufUtil.getBytes(pdu.data());
    }

    /** A control PDU's data segment as a buffer. */
    public static ByteBuf wrap(byte[] data) {
        return data.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(data);
    }

    /** Bytes of padding after a segment of {@code length} bytes (RFC 7143 11.1: 4-byte boundary). */
    public static int padding(int length) {
        return (-length) & 3;
    }
}
