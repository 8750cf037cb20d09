/**
 * Task management (RFC 7143 11.5/11.6, SAM-5 7): ABORT TASK, ABORT TASK SET, CLEAR TASK SET, LOGICAL UNIT
 * RESET, TARGET WARM RESET and TARGET COLD RESET forwarded to {@link org.vtl.scsi.LogicalUnit#manageTask}
 * after the session has stopped its own affected tasks; CLEAR ACA and TASK REASSIGN are not supported.
 */
package org.vtl.iscsi.tmf;
