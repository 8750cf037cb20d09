package org.vtl.scsi;

import java.util.concurrent.CompletionStage;

/**
 * A SCSI logical unit without transport: a tape drive (SSC), a media changer (SMC), both sharing
 * the SPC commands. Transports (iSCSI) call it; it never sees a socket.
 *
 * <p>Commands of one logical unit execute in the order they are submitted (tape is sequential);
 * {@link #execute} never throws: every error is a {@link ScsiResponse} with CHECK CONDITION.
 */
public interface LogicalUnit {

    /** Peripheral device type of this unit (SPC-5 Table 150): 0x01 tape, 0x08 medium changer. */
    int peripheralDeviceType();

    /**
     * Queues one command. The stage completes with the response, in submission order per logical unit.
     * The logical unit owns {@code command.dataOut()} from here.
     */
    CompletionStage<ScsiResponse> execute(ScsiCommand command);

    /**
     * Runs a task management function. Aborted commands complete with {@link ScsiStatus#TASK_ABORTED}
     * (or are dropped if the transport asked so) before the returned stage completes.
     *
     * @param taskTag the task to abort, for {@link TaskManagementFunction#ABORT_TASK}; ignored otherwise
     */
    CompletionStage<TaskManagementResponse> manageTask(TaskManagementFunction function, Nexus nexus, long taskTag);

    /** The I_T nexus is gone (logout, connection loss): drop its reservations and per-nexus state. */
    default void nexusLost(Nexus nexus) {
    }
}
