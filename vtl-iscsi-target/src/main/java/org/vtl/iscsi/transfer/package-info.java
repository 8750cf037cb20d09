/**
 * Where payload crosses between iSCSI and {@code org.vtl.scsi} (RFC 7143 4.3.4 data transfer, 11.7 Data-In/
 * Data-Out, 11.8 R2T): {@link org.vtl.iscsi.transfer.DataOutCollector} gathers immediate, unsolicited and
 * solicited data into a {@link org.vtl.scsi.Payload} of retained Netty buffers, {@link
 * org.vtl.iscsi.transfer.R2tScheduler} paces R2Ts against the connection's {@link
 * org.vtl.iscsi.transfer.MemoryBudget}, {@link org.vtl.iscsi.transfer.DataInSegmenter} cuts Data-In.
 */
package org.vtl.iscsi.transfer;
