package org.vtl.iscsi.login;

/**
 * CHAP digest algorithms by their CHAP_A code (RFC 7143 12.1.3; RFC 1994 uses 5 for MD5; 6 SHA-1 and 7 SHA-256
 * as Linux and IANA's PPP registry assign them). Preference order is declaration order, strongest first.
 */
public enum ChapAlgorithm {
    SHA256(7, "SHA-256", 32),
    SHA1(6, "SHA-1", 20),
    MD5(5, "MD5", 16);

    private static final ChapAlgorithm[] BY_CODE = new ChapAlgorithm[256];

    static {
        for (ChapAlgorithm a : values()) {
            if (BY_CODE[a.code] != null) {
                throw new ExceptionInInitializerError("duplicate CHAP_A " + a.code);
            }
            BY_CODE[a.code] = a;
        }
    }

    private final int code;
    private final String jcaName;
    private final int digestLength;

    ChapAlgorithm(int code, String jcaName, int digestLength) {
        this.code = code;
        this.jcaName = jcaName;
        this.digestLength = digestLength;
    }

    public int code() {
        return code;
    }

    public String jcaName() {
        return jcaName;
    }

    public int digestLength() {
        return digestLength;
    }

    /** The algorithm for a CHAP_A code, or {@code null}. */
    public static ChapAlgorithm of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
