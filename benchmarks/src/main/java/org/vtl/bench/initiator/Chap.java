package org.vtl.bench.initiator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * CHAP with MD5 as iSCSI uses it (RFC 7143 section 12.1.3, RFC 1994 section 4.1):
 * {@code CHAP_R = MD5(CHAP_I as one octet || secret || CHAP_C)}. Binary values are written in hex ({@code 0x..})
 * and read in hex or base64 ({@code 0b..}), per RFC 7143 section 6.1.
 */
public final class Chap {
    /** The CHAP_A value for MD5. */
    public static final String ALGORITHM_MD5 = "5";

    private Chap() {
    }

    public static byte[] response(int identifier, byte[] secret, byte[] challenge) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) identifier);
            md5.update(secret);
            md5.update(challenge);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a mandatory JDK algorithm", e);
        }
    }

    /** The CHAP_R text value for the target's CHAP_I and CHAP_C text values. */
    public static String responseValue(String identifier, String secret, String challenge) {
        int id = Integer.parseInt(identifier.trim());
        if (id < 0 || id > 255) {
            throw new IscsiException("CHAP_I out of range: " + identifier);
        }
        byte[] r = response(id, secret.getBytes(StandardCharsets.UTF_8), decodeBinary(challenge));
        return "0x" + HexFormat.of().formatHex(r);
    }

    static byte[] decodeBinary(String value) {
        if (value.length() > 2 && (value.startsWith("0x") || value.startsWith("0X"))) {
            String hex = value.substring(2);
            return HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex);
        }
        if (value.length() > 2 && (value.startsWith("0b") || value.startsWith("0B"))) {
            return Base64.getDecoder().decode(value.substring(2));
        }
        throw new IscsiException("not a binary value: " + value);
    }
}
