/**
 * Library partitions as pure state: elements (medium transport, storage, import/export, data transfer)
 * with their addresses (SMC-3 4.2, 7.3.3) and contents, move validation (SMC-3 6.6 MOVE MEDIUM source
 * empty / destination full) and the {@link org.vtl.library.LibraryStateStore} persistence port. No I/O,
 * no SCSI: the media changer in {@code org.vtl.scsi.smc} drives it.
 */
package org.vtl.library;
