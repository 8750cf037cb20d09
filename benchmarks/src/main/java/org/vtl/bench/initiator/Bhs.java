package org.vtl.bench.initiator;

import java.nio.ByteBuffer;

import org.vtl.iscsi.pdu.Opcode;

/**
 * Field offsets of the 48-byte Basic Header Segment (RFC 7143 section 11.2) and accessors over a buffer holding
 * one. Absolute gets and puts only, so the buffer's position and limit are left alone.
 *
 * <pre>
 *  byte 0      |.|I| opcode |   1: flags (F = 0x80)   2..3: opcode specific
 *  byte 4      TotalAHSLength   5..7: DataSegmentLength
 *  byte 8..15  LUN or opcode specific
 *  byte 16..19 Initiator Task Tag
 *  byte 20..47 opcode specific (TTT, CmdSN/StatSN, ExpStatSN/ExpCmdSN, MaxCmdSN, DataSN, BufferOffset, ...)
 * </pre>
 */
public final class Bhs {
    public static final int LENGTH = 48;
    public static final int IMMEDIATE = 0x40;
    public static final int FINAL = 0x80;
    public static final int RESERVED_TAG = 0xffffffff;

    public static final int FLAGS_OFFSET = 1;
    public static final int TOTAL_AHS_LENGTH_OFFSET = 4;
    public static final int DATA_SEGMENT_LENGTH_OFFSET = 5;
    public static final int LUN_OFFSET = 8;
    public static final int ITT_OFFSET = 16;
    /** Target Transfer Tag (NOP, Data-In/Out, R2T) or Expected Data Transfer Length (SCSI Command). */
    public static final int WORD20_OFFSET = 20;
    /** CmdSN on requests, StatSN on responses. */
    public static final int WORD24_OFFSET = 24;
    /** ExpStatSN on requests, ExpCmdSN on responses. */
    public static final int WORD28_OFFSET = 28;
    public static final int MAX_CMD_SN_OFFSET = 32;
    /** DataSN / R2TSN / ExpDataSN. */
    public static final int DATA_SN_OFFSET = 36;
    public static final int BUFFER_OFFSET_OFFSET = 40;
    /** Residual count (SCSI Response, Data-In) or Desired Data Transfer Length (R2T). */
    public static final int WORD44_OFFSET = 44;
    public static final int CDB_OFFSET = 32;

    private Bhs() {
    }

    public static Opcode opcode(ByteBuffer bhs) {
        return Opcode.of(bhs.get(0));
    }

    public static int flags(ByteBuffer bhs) {
        return bhs.get(FLAGS_OFFSET) & 0xff;
    }

    public static int totalAhsBytes(ByteBuffer bhs) {
        return (bhs.get(TOTAL_AHS_LENGTH_OFFSET) & 0xff) * 4;
    }

    public static int dataSegmentLength(ByteBuffer bhs) {
        return (bhs.get(5) & 0xff) << 16 | (bhs.get(6) & 0xff) << 8 | bhs.get(7) & 0xff;
    }

    public static void dataSegmentLength(ByteBuffer bhs, int length) {
        bhs.put(5, (byte) (length >>> 16));
        bhs.put(6, (byte) (length >>> 8));
        bhs.put(7, (byte) length);
    }

    /** Clears the header and sets byte 0 (opcode, immediate bit) and the flags byte. */
    public static void start(ByteBuffer bhs, Opcode opcode, boolean immediate, int flags) {
        for (int i = 0; i < LENGTH; i += 8) {
            bhs.putLong(i, 0L);
        }
        bhs.put(0, (byte) (opcode.code() | (immediate ? IMMEDIATE : 0)));
        bhs.put(FLAGS_OFFSET, (byte) flags);
    }

    /** Encodes a LUN below 16384 in the first level of the 8-byte LUN field (SAM-5 4.7: peripheral or flat). */
    public static void lun(ByteBuffer bhs, int lun) {
        if (lun < 0 || lun > 0x3fff) {
            throw new IllegalArgumentException("LUN out of range: " + lun);
        }
        bhs.putLong(LUN_OFFSET, 0L);
        bhs.put(LUN_OFFSET, (byte) (lun < 256 ? 0 : 0x40 | lun >>> 8));
        bhs.put(LUN_OFFSET + 1, (byte) lun);
    }

    /** Number of padding bytes after a data segment of this length (segments end on a 4-byte boundary). */
    public static int padding(int length) {
        return -length & 3;
    }
}
