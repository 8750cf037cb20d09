package org.vtl.iscsi.tmf;

import org.vtl.scsi.TaskManagementFunction;

/** Task management function codes (RFC 7143 11.5.1) and the SAM function each maps to. */
public enum TmfFunction {
    ABORT_TASK(1, TaskManagementFunction.ABORT_TASK),
    ABORT_TASK_SET(2, TaskManagementFunction.ABORT_TASK_SET),
    CLEAR_ACA(3, null),
    CLEAR_TASK_SET(4, TaskManagementFunction.CLEAR_TASK_SET),
    LOGICAL_UNIT_RESET(5, TaskManagementFunction.LOGICAL_UNIT_RESET),
    TARGET_WARM_RESET(6, TaskManagementFunction.TARGET_WARM_RESET),
    TARGET_COLD_RESET(7, TaskManagementFunction.TARGET_COLD_RESET),
    TASK_REASSIGN(8, null);

    private static final TmfFunction[] BY_CODE = new TmfFunction[128];

    static {
        for (TmfFunction f : values()) {
            if (BY_CODE[f.code] != null) {
                throw new ExceptionInInitializerError("duplicate TMF code " + f.code);
            }
            BY_CODE[f.code] = f;
        }
    }

    private final int code;
    private final TaskManagementFunction scsi;

    TmfFunction(int code, TaskManagementFunction scsi) {
        this.code = code;
        this.scsi = scsi;
    }

    public int code() {
        return code;
    }

    /** The SAM function forwarded to logical units, {@code null} if this target does not support it. */
    public TaskManagementFunction scsi() {
        return scsi;
    }

    /** True for functions addressed to one LUN. */
    public boolean lunScoped() {
        return this == ABORT_TASK || this == ABORT_TASK_SET || this == CLEAR_TASK_SET || this == LOGICAL_UNIT_RESET
                || this == CLEAR_ACA;
    }

    /** The function for a wire code, or {@code null}. */
    public static TmfFunction of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
