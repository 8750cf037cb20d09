package org.vtl.iscsi.session;

import org.vtl.iscsi.transfer.DataOutCollector;
import org.vtl.scsi.LogicalUnit;

/** One SCSI command of a session, from its SCSI Command PDU until its response (RFC 7143 3.2.2). */
final class Task {

    final int itt;
    final long lunField;
    final long lun;
    final byte[] cdb;
    final int expectedDataIn;
    final int cmdSn;
    final LogicalUnit unit;
    final DataOutCollector collector;
    boolean dispatched;
    boolean aborted;
    long dispatchNanos;

    Task(int itt, long lunField, long lun, byte[] cdb, int expectedDataIn, int cmdSn, LogicalUnit unit,
         DataOutCollector collector) {
        this.itt = itt;
        this.lunField = lunField;
        this.lun = lun;
        this.cdb = cdb;
        this.expectedDataIn = expectedDataIn;
        this.cmdSn = cmdSn;
        this.unit = unit;
        this.collector = collector;
    }

    /** All Data-Out has arrived (or none was expected). */
    boolean ready() {
        return collector == null || collector.complete();
    }
}
