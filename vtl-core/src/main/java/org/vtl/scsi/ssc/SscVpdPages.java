package org.vtl.scsi.ssc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.vtl.scsi.spc.TapeAlertFlags;
import org.vtl.scsi.spc.VpdPage;

/**
 * The tape drive's VPD pages beyond SPC's (SSC-5 7.3): sequential-access device capabilities B0h (WORM
 * supported), manufacturer-assigned serial number B1h, TapeAlert supported flags B2h.
 */
final class SscVpdPages {

    private SscVpdPages() {
    }

    static List<VpdPage> pages(TapeDrive drive) {
        return List.of(new VpdPage(0xB0, () -> new byte[] {0x01, 0x00}),
                new VpdPage(0xB1, () -> drive.inquiryData().serial().getBytes(StandardCharsets.US_ASCII)),
                new VpdPage(0xB2, SscVpdPages::tapeAlertSupported));
    }

    /** 8 bytes, flag 1 in the most significant bit of byte 0 (SSC-5 Table 154). */
    private static byte[] tapeAlertSupported() {
        byte[] b = new byte[8];
        for (int flag : new int[] {TapeAlertFlags.HARD_ERROR, TapeAlertFlags.MEDIA, TapeAlertFlags.WRITE_PROTECT}) {
            b[(flag - 1) / 8] |= (byte) (0x80 >>> ((flag - 1) % 8));
        }
        return b;
    }
}
