package org.vtl.iscsi.session;

import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.SenseData;
import org.vtl.scsi.SenseEncoder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What the transport answers itself about a target's LUN map: REPORT LUNS (SPC-5 6.33) from the configured
 * LUNs, and for a LUN with no logical unit an INQUIRY with peripheral qualifier 011b (SPC-5 6.6.2) or
 * CHECK CONDITION, ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED (25h/00h). LUN fields use peripheral device
 * addressing below 256 and flat space addressing up to 16383 (SAM-5 4.7).
 */
final class TargetLuns {

    static final int REPORT_LUNS = 0xa0;
    static final int INQUIRY = 0x12;
    private static final int SENSE_ABORTED_COMMAND = 0x0b;

    private TargetLuns() {
    }

    /** The LUN number of an 8-byte LUN field, or -1 for addressing methods this target does not use. */
    static long decode(long field) {
        int method = (int) (field >>> 62);
        int first = (int) (field >>> 48) & 0xffff;
        if ((field & 0x0000_ffff_ffff_ffffL) != 0) {
            return -1;
        }
        return switch (method) {
            case 0 -> (first & 0x3f00) == 0 ? first & 0xff : -1;
            case 1 -> first & 0x3fff;
            default -> -1;
        };
    }

    static long encode(long lun) {
        return lun < 256 ? lun << 48 : (0x4000L | lun) << 48;
    }

    /** REPORT LUNS parameter data: LUN LIST LENGTH, reserved, then one 8-byte LUN per logical unit. */
    static ScsiResponse reportLuns(byte[] cdb, Set<Long> luns) {
        int allocation = cdb.length >= 10 ? ((cdb[6] & 0xff) << 24 | (cdb[7] & 0xff) << 16 | (cdb[8] & 0xff) << 8
                | (cdb[9] & 0xff)) : 0;
        ByteBuffer data = ByteBuffer.allocateDirect(8 + 8 * luns.size());
        data.putInt(8 * luns.size()).putInt(0);
        for (long lun : luns) {
            data.putLong(encode(lun));
        }
        data.flip();
        data.limit(Math.min(data.limit(), Math.max(0, allocation)));
        return ScsiResponse.good(Payload.of(data));
    }

    /** Standard INQUIRY data for a LUN without a logical unit: qualifier 011b, type 1Fh. */
    static ScsiResponse absentInquiry(byte[] cdb) {
        if (cdb.length < 6 || (cdb[1] & 0x01) != 0) {
            return lunNotSupported();
        }
        int allocation = (cdb[3] & 0xff) << 8 | (cdb[4] & 0xff);
        ByteBuffer data = ByteBuffer.allocateDirect(36);
        data.put((byte) 0x7f).put((byte) 0).put((byte) 0x06).put((byte) 0x02).put((byte) 31);
        data.put(new byte[3]);
        data.put(pad("VTL", 8)).put(pad("NO LUN", 16)).put(pad("0001", 4));
        data.flip();
        data.limit(Math.min(36, allocation));
        return ScsiResponse.good(Payload.of(data));
    }

    private static byte[] pad(String s, int n) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, (byte) ' ');
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, out, 0, Math.min(n, b.length));
        return out;
    }

    static ScsiResponse lunNotSupported() {
        return checkCondition(SenseCode.LOGICAL_UNIT_NOT_SUPPORTED);
    }

    /** ILLEGAL REQUEST, INVALID FIELD IN CDB (24h/00h): a write larger than the connection can hold. */
    static ScsiResponse writeTooLarge() {
        return checkCondition(SenseCode.INVALID_FIELD_IN_CDB);
    }

    private static ScsiResponse checkCondition(SenseCode code) {
        return ScsiResponse.checkCondition(SenseEncoder.encode(SenseData.of(code), false));
    }

    /**
     * ABORTED COMMAND, PROTOCOL SERVICE CRC ERROR (47h/05h): a Data-Out data digest failed at ERL 0. Written
     * here because vtl-core's curated {@link SenseCode} has no transport codes.
     */
    static ScsiResponse digestFailure() {
        return ScsiResponse.checkCondition(fixedSense(SENSE_ABORTED_COMMAND, 0x47, 0x05));
    }

    /** ABORTED COMMAND, DATA PHASE ERROR (4Bh/00h): Data-Out outside the transfer or for an unknown R2T. */
    static ScsiResponse dataPhaseError() {
        return ScsiResponse.checkCondition(fixedSense(SENSE_ABORTED_COMMAND, 0x4b, 0x00));
    }

    /** HARDWARE ERROR, INTERNAL TARGET FAILURE (44h/00h): a logical unit failed instead of answering. */
    static ScsiResponse internalFailure() {
        return checkCondition(SenseCode.INTERNAL_TARGET_FAILURE);
    }

    /** Fixed-format sense data (SPC-5 4.4.3), 18 bytes, for the transport's own codes. */
    static byte[] fixedSense(int key, int asc, int ascq) {
        byte[] sense = new byte[18];
        sense[0] = 0x70;
        sense[2] = (byte) key;
        sense[7] = 10;
        sense[12] = (byte) asc;
        sense[13] = (byte) ascq;
        return sense;
    }

    /** CDB length from the operation code's group (SPC-5 4.2.5.1); 16 for variable and vendor groups. */
    static int cdbLength(int opcode) {
        return switch (opcode >>> 5) {
            case 0 -> 6;
            case 1, 2 -> 10;
            case 5 -> 12;
            default -> 16;
        };
    }
}
