/**
 * SPC commands every device type shares and the logical unit preamble: INQUIRY and VPD pages (SPC-5 6.7,
 * 7.8), MODE SENSE/SELECT (6.11-6.14, 7.5), LOG SENSE/SELECT (6.8, 6.9, 7.3), REQUEST SENSE (6.39),
 * TEST UNIT READY (6.47), REPORT LUNS (6.33), RESERVE/RELEASE (SPC-2 7.21, 7.24), PERSISTENT RESERVE IN/OUT
 * (6.15, 6.16, 5.14), PREVENT ALLOW MEDIUM REMOVAL (6.13), READ BUFFER (6.17), REPORT SUPPORTED OPERATION
 * CODES (6.35), REPORT/SET TIMESTAMP (6.38, 6.47); unit attentions per I_T nexus (SAM-5 5.14).
 */
package org.vtl.scsi.spc;
