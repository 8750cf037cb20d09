package org.vtl.scsi;

/**
 * Writes {@link SenseData} as fixed-format (response code 70h, SPC-5 4.4.3) or descriptor-format
 * (72h, SPC-5 4.4.2) sense bytes. Fixed is the default; descriptor format is used when the control
 * mode page's D_SENSE bit is set. See docs/adr/0004-sense-format.md.
 */
public final class SenseEncoder {

    /** Length of fixed-format sense data: 8 header bytes + additional sense length 10. */
    public static final int FIXED_LENGTH = 18;

    private SenseEncoder() {
    }

    public static byte[] encode(SenseData sense, boolean descriptorFormat) {
        return descriptorFormat ? descriptor(sense) : fixed(sense);
    }

    /** SPC-5 Table 58. */
    static byte[] fixed(SenseData s) {
        byte[] b = new byte[FIXED_LENGTH];
        b[0] = (byte) ((s.informationValid() ? 0x80 : 0) | 0x70); // VALID, RESPONSE CODE current
        b[2] = (byte) ((s.filemark() ? 0x80 : 0) | (s.endOfMedium() ? 0x40 : 0) | (s.incorrectLength() ? 0x20 : 0)
                | s.code().key());
        int info = (int) s.information(); // the field is 4 bytes: two's complement residue
        b[3] = (byte) (info >>> 24);
        b[4] = (byte) (info >>> 16);
        b[5] = (byte) (info >>> 8);
        b[6] = (byte) info;
        b[7] = 10; // ADDITIONAL SENSE LENGTH
        b[12] = (byte) s.code().asc();
        b[13] = (byte) s.code().ascq();
        writeSenseKeySpecific(s.fieldPointer(), b, 15);
        return b;
    }

    /** SPC-5 Table 27 header, 4.4.2.2 information, 4.4.2.4 sense key specific, 4.4.2.5 stream commands. */
    static byte[] descriptor(SenseData s) {
        int length = 8;
        if (s.informationValid()) {
            length += 12;
        }
        if (s.fieldPointer() != null) {
            length += 8;
        }
        boolean stream = s.filemark() || s.endOfMedium() || s.incorrectLength();
        if (stream) {
            length += 4;
        }
        byte[] b = new byte[length];
        b[0] = 0x72;
        b[1] = (byte) s.code().key();
        b[2] = (byte) s.code().asc();
        b[3] = (byte) s.code().ascq();
        b[7] = (byte) (length - 8);
        int at = 8;
        if (s.informationValid()) {
            b[at] = 0x00;
            b[at + 1] = 0x0A;
            b[at + 2] = (byte) 0x80; // VALID
            long info = s.information();
            for (int i = 0; i < 8; i++) {
                b[at + 4 + i] = (byte) (info >>> (56 - 8 * i));
            }
            at += 12;
        }
        if (s.fieldPointer() != null) {
            b[at] = 0x02;
            b[at + 1] = 0x06;
            writeSenseKeySpecific(s.fieldPointer(), b, at + 4);
            at += 8;
        }
        if (stream) {
            b[at] = 0x04;
            b[at + 1] = 0x02;
            b[at + 3] = (byte) ((s.filemark() ? 0x80 : 0) | (s.endOfMedium() ? 0x40 : 0)
                    | (s.incorrectLength() ? 0x20 : 0));
        }
        return b;
    }

    /** SPC-5 Table 62: SKSV, C/D, BPV, BIT POINTER, FIELD POINTER. */
    private static void writeSenseKeySpecific(SenseData.FieldPointer p, byte[] b, int at) {
        if (p == null) {
            return;
        }
        int bits = 0x80 | (p.inCdb() ? 0x40 : 0);
        if (p.bit() >= 0) {
            bits |= 0x08 | (p.bit() & 0x07);
        }
        b[at] = (byte) bits;
        b[at + 1] = (byte) (p.byteOffset() >>> 8);
        b[at + 2] = (byte) p.byteOffset();
    }
}
