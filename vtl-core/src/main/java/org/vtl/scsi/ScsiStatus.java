package org.vtl.scsi;

/** SCSI status codes (SAM-5 5.3.1). */
public enum ScsiStatus {
    GOOD(0x00),
    CHECK_CONDITION(0x02),
    CONDITION_MET(0x04),
    BUSY(0x08),
    RESERVATION_CONFLICT(0x18),
    TASK_SET_FULL(0x28),
    ACA_ACTIVE(0x30),
    TASK_ABORTED(0x40);

    private static final ScsiStatus[] BY_CODE = new ScsiStatus[256];

    static {
        for (ScsiStatus s : values()) {
            if (BY_CODE[s.code] != null) {
                throw new ExceptionInInitializerError("duplicate status code " + s.code);
            }
            BY_CODE[s.code] = s;
        }
    }

    private final int code;

    ScsiStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The status for a wire code, or {@code null} if it is not one. */
    public static ScsiStatus of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
