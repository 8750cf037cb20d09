package org.vtl.bench.initiator;

/**
 * The fields of SCSI sense data the benchmarks act on, from fixed (70h/71h) or descriptor (72h/73h) format
 * (SPC-5 4.4).
 *
 * @param responseCode 70h..73h
 * @param senseKey     the sense key (0..15)
 * @param asc          additional sense code
 * @param ascq         additional sense code qualifier
 * @param filemark     FILEMARK bit (SSC: a filemark was read)
 * @param endOfMedium  EOM bit
 * @param ili          incorrect length indicator
 * @param information  the INFORMATION field, valid when {@code informationValid}
 * @param informationValid whether INFORMATION was supplied
 */
public record SenseData(int responseCode, int senseKey, int asc, int ascq, boolean filemark, boolean endOfMedium,
                        boolean ili, long information, boolean informationValid) {

    public static final int NO_SENSE = 0x0;
    public static final int NOT_READY = 0x2;
    public static final int MEDIUM_ERROR = 0x3;
    public static final int ILLEGAL_REQUEST = 0x5;
    public static final int UNIT_ATTENTION = 0x6;
    public static final int BLANK_CHECK = 0x8;

    /** Parses sense bytes; returns null for fewer than 8 bytes or an unknown response code. */
    public static SenseData parse(byte[] s) {
        if (s == null || s.length < 8) {
            return null;
        }
        int code = s[0] & 0x7f;
        return switch (code) {
            case 0x70, 0x71 -> fixed(s, code);
            case 0x72, 0x73 -> descriptor(s, code);
            default -> null;
        };
    }

    private static SenseData fixed(byte[] s, int code) {
        long info = (s[3] & 0xffL) << 24 | (s[4] & 0xffL) << 16 | (s[5] & 0xffL) << 8 | s[6] & 0xffL;
        int asc = s.length > 12 ? s[12] & 0xff : 0;
        int ascq = s.length > 13 ? s[13] & 0xff : 0;
        return new SenseData(code, s[2] & 0x0f, asc, ascq, (s[2] & 0x80) != 0, (s[2] & 0x40) != 0,
                (s[2] & 0x20) != 0, info, (s[0] & 0x80) != 0);
    }

    private static SenseData descriptor(byte[] s, int code) {
        boolean filemark = false;
        boolean eom = false;
        boolean ili = false;
        long info = 0;
        boolean infoValid = false;
        int end = Math.min(s.length, 8 + (s[7] & 0xff));
        for (int p = 8; p + 1 < end; p += 2 + (s[p + 1] & 0xff)) {
            int type = s[p] & 0xff;
            if (type == 0x00 && p + 12 <= end) {
                infoValid = (s[p + 2] & 0x80) != 0;
                for (int i = 0; i < 8; i++) {
                    info = info << 8 | s[p + 4 + i] & 0xff;
                }
            } else if (type == 0x04 && p + 4 <= end) {
                filemark = (s[p + 3] & 0x80) != 0;
                eom = (s[p + 3] & 0x40) != 0;
                ili = (s[p + 3] & 0x20) != 0;
            }
        }
        return new SenseData(code, s[1] & 0x0f, s[2] & 0xff, s[3] & 0xff, filemark, eom, ili, info, infoValid);
    }

    @Override
    public String toString() {
        return String.format("key=%Xh asc/ascq=%02Xh/%02Xh%s%s%s%s", senseKey, asc, ascq, filemark ? " FM" : "",
                endOfMedium ? " EOM" : "", ili ? " ILI" : "", informationValid ? " info=" + information : "");
    }
}
