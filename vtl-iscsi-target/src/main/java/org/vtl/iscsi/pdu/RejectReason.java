package org.vtl.iscsi.pdu;

/** Reject reasons (RFC 7143 11.17.1). */
public enum RejectReason {
    DATA_DIGEST_ERROR(0x02),
    SNACK_REJECT(0x03),
    PROTOCOL_ERROR(0x04),
    COMMAND_NOT_SUPPORTED(0x05),
    IMMEDIATE_COMMAND_REJECT(0x06),
    TASK_IN_PROGRESS(0x07),
    INVALID_DATA_ACK(0x08),
    INVALID_PDU_FIELD(0x09),
    LONG_OPERATION_REJECT(0x0a),
    WAITING_FOR_LOGOUT(0x0c);

    private static final RejectReason[] BY_CODE = new RejectReason[256];

    static {
        for (RejectReason r : values()) {
            if (BY_CODE[r.code] != null) {
                throw new ExceptionInInitializerError("duplicate reject reason " + r.code);
            }
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    RejectReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The reason for a wire code, or {@code null}. */
    public static RejectReason of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
