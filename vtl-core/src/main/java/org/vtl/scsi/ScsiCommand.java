package org.vtl.scsi;

/**
 * One SCSI command as a transport hands it to a {@link LogicalUnit}.
 *
 * @param nexus                  who sent it
 * @param lun                    the addressed logical unit number
 * @param taskTag                the transport's task tag (iSCSI Initiator Task Tag), for task management
 * @param cdb                    the command descriptor block (control data, not payload)
 * @param expectedDataInLength   how many bytes the initiator can receive (allocation from the transport)
 * @param dataOut                the collected Data-Out payload, {@link Payload#EMPTY} for none; the LU
 *                               owns it from here and releases it
 */
public record ScsiCommand(Nexus nexus, long lun, long taskTag, byte[] cdb, int expectedDataInLength,
                          Payload dataOut) {

    /** The operation code, byte 0 of the CDB. */
    public int opcode() {
        return cdb.length == 0 ? -1 : cdb[0] & 0xff;
    }
}
