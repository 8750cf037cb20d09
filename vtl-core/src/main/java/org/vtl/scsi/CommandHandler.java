package org.vtl.scsi;

/** Executes one command after the logical unit's preamble has validated it. */
@FunctionalInterface
public interface CommandHandler {

    /** Returns the response, or throws {@link ScsiException} for CHECK CONDITION. */
    ScsiResponse handle(ScsiTask task);
}
