package org.vtl.scsi.ssc;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.spc.SpcLogicalUnit;

/**
 * SECURITY PROTOCOL IN, protocol 00h only (SPC-5 6.40, 7.7.1): the supported protocol list (just 00h), empty
 * certificate data and empty compliance information. Applications probing for tape data encryption (protocol
 * 20h) get INVALID FIELD IN CDB, which is how a drive without encryption answers.
 */
final class SecurityProtocols {

    ScsiResponse securityProtocolIn(ScsiTask task) {
        byte[] cdb = task.cdb();
        int protocol = cdb[1] & 0xff;
        int specific = Cdb.u16(cdb, 2);
        if (protocol != 0) {
            throw ScsiException.invalidCdbField(1, -1);
        }
        if ((cdb[4] & 0x80) != 0) {
            throw ScsiException.invalidCdbField(4, 7); // INC_512: not for protocol 00h
        }
        return switch (specific) {
            case 0x0000 -> SpcLogicalUnit.data(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 0x00}); // one protocol: 00h
            case 0x0001 -> SpcLogicalUnit.data(new byte[4]); // no certificate
            case 0x0002 -> SpcLogicalUnit.data(new byte[4]); // no compliance descriptors
            default -> throw ScsiException.invalidCdbField(2, -1);
        };
    }
}
