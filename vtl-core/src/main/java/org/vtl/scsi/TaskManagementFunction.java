package org.vtl.scsi;

/** Task management functions a transport forwards to a logical unit (SAM-5 7). */
public enum TaskManagementFunction {
    ABORT_TASK,
    ABORT_TASK_SET,
    CLEAR_TASK_SET,
    LOGICAL_UNIT_RESET,
    TARGET_WARM_RESET,
    TARGET_COLD_RESET
}
