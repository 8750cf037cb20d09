package org.vtl.scsi;

/** Outcome of a task management function (SAM-5 7.12 service responses). */
public enum TaskManagementResponse {
    FUNCTION_COMPLETE,
    TASK_DOES_NOT_EXIST,
    FUNCTION_NOT_SUPPORTED,
    FUNCTION_REJECTED
}
