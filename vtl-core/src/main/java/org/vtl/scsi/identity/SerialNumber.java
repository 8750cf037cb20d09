package org.vtl.scsi.identity;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Serial numbers for drives and changers: 10 characters, derived from the appliance's identity, the
 * partition and the device's role, so they are stable across restarts and unique per appliance
 * (NetBackup and Commvault pair drives by serial; VPD 80h, DVCID).
 */
public final class SerialNumber {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;

    private SerialNumber() {
    }

    /**
     * @param applianceId unique, persistent appliance identifier (e.g. a UUID from the data directory)
     * @param partition   partition name
     * @param role        {@code changer}, {@code drive0}, {@code drive1}, ...
     */
    public static String derive(String applianceId, String partition, String role) {
        CRC32C high = new CRC32C();
        high.update((applianceId + "/" + partition).getBytes(StandardCharsets.UTF_8));
        CRC32C low = new CRC32C();
        low.update((partition + "/" + role + "/" + applianceId).getBytes(StandardCharsets.UTF_8));
        long v = (high.getValue() << 32 | low.getValue()) & Long.MAX_VALUE;
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v % ALPHABET.length()));
            v /= ALPHABET.length();
        }
        return new String(out);
    }
}
