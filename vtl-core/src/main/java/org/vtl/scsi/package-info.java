/**
 * SCSI without transport: the {@link org.vtl.scsi.LogicalUnit} contract ({@code execute(command) -> response}),
 * commands, responses, the {@link org.vtl.scsi.Payload} type that carries data across module boundaries, and
 * the I_T nexus (SAM-5 4.6 nexus, 5.3 status, 7 task management). Also the parts every device type shares:
 * {@link org.vtl.scsi.CommandDescriptor} and {@link org.vtl.scsi.CommandTable} (SPC-5 4.5.2 CDB validation,
 * 6.35 usage data), {@link org.vtl.scsi.SenseCode} and {@link org.vtl.scsi.SenseEncoder} (SPC-5 4.4 sense data),
 * the ordered {@link org.vtl.scsi.SerialExecutor} and {@link org.vtl.scsi.LunInventory} for REPORT LUNS.
 */
package org.vtl.scsi;
