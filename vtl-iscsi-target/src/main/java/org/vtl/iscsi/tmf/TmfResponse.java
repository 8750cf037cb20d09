package org.vtl.iscsi.tmf;

import org.vtl.scsi.TaskManagementResponse;

/** Task Management Function Response codes (RFC 7143 11.6.1). */
public enum TmfResponse {
    FUNCTION_COMPLETE(0),
    TASK_DOES_NOT_EXIST(1),
    LUN_DOES_NOT_EXIST(2),
    TASK_STILL_ALLEGIANT(3),
    REASSIGNMENT_NOT_SUPPORTED(4),
    NOT_SUPPORTED(5),
    AUTHORIZATION_FAILED(6),
    REJECTED(255);

    private static final TmfResponse[] BY_CODE = new TmfResponse[256];

    static {
        for (TmfResponse r : values()) {
            if (BY_CODE[r.code] != null) {
                throw new ExceptionInInitializerError("duplicate TMF response " + r.code);
            }
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    TmfResponse(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static TmfResponse of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The iSCSI response for a logical unit's answer. */
    public static TmfResponse of(TaskManagementResponse response) {
        return switch (response) {
            case FUNCTION_COMPLETE -> FUNCTION_COMPLETE;
            case TASK_DOES_NOT_EXIST -> TASK_DOES_NOT_EXIST;
            case FUNCTION_NOT_SUPPORTED -> NOT_SUPPORTED;
            case FUNCTION_REJECTED -> REJECTED;
        };
    }
}
