package org.vtl.compress;

/**
 * Block codecs, with the wire code stored in the frame header's codec byte.
 */
public enum Codec {
    /** Stored as is: every frame is raw. */
    NONE(0),
    /** Zstandard through zstd-jni's direct-buffer API; levels from {@code Zstd.minCompressionLevel()} to 22. */
    ZSTD(1);

    private static final Codec[] BY_CODE = new Codec[256];

    static {
        for (Codec codec : values()) {
            if (BY_CODE[codec.code] != null) {
                throw new ExceptionInInitializerError("duplicate codec code " + codec.code);
            }
            BY_CODE[codec.code] = codec;
        }
    }

    private final int code;

    Codec(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The codec with this wire code, or {@code null} if none has it (a reader reports an unknown codec). */
    public static Codec of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
