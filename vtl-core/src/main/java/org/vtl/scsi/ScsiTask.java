package org.vtl.scsi;

/**
 * One command being executed by a logical unit (a SAM-5 task): the command, the descriptor it
 * matched and its Data-Out ownership. A handler that keeps the Data-Out payload calls
 * {@link #takeDataOut()}; otherwise the logical unit releases it after the handler returns.
 */
public final class ScsiTask {

    private final ScsiCommand command;
    private final CommandDescriptor descriptor;
    private boolean dataOutTaken;

    public ScsiTask(ScsiCommand command, CommandDescriptor descriptor) {
        this.command = command;
        this.descriptor = descriptor;
    }

    public ScsiCommand command() {
        return command;
    }

    public CommandDescriptor descriptor() {
        return descriptor;
    }

    public byte[] cdb() {
        return command.cdb();
    }

    public Nexus nexus() {
        return command.nexus();
    }

    /** The allocation length (Data-In) or parameter list length (Data-Out) the CDB declares, or -1. */
    public int transferLength() {
        return descriptor.transferLength() == null ? -1 : descriptor.transferLength().read(command.cdb());
    }

    /** Data-Out bytes for control data (parameter lists): copied, small. The payload stays owned by the task. */
    public byte[] parameterData() {
        return command.dataOut().toByteArray();
    }

    /** Transfers ownership of the Data-Out payload to the caller (the data path). */
    public Payload takeDataOut() {
        dataOutTaken = true;
        return command.dataOut();
    }

    /** Releases the Data-Out payload unless a handler took it. Called once by the logical unit. */
    public void releaseDataOut() {
        if (!dataOutTaken) {
            dataOutTaken = true;
            command.dataOut().release();
        }
    }
}
