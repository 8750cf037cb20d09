/**
 * SCSI without transport: the {@link org.vtl.scsi.LogicalUnit} contract ({@code execute(command) -> response}),
 * commands, responses, the {@link org.vtl.scsi.Payload} type that carries data across module boundaries, and
 * the I_T nexus. Implements the execution model of SAM-5 (clauses 4.6 nexus, 5.3 status, 7 task management).
 */
package org.vtl.scsi;
