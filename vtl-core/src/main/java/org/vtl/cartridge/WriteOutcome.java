package org.vtl.cartridge;

/** Result of an accepted write: whether the position is now past the early-warning point. */
public enum WriteOutcome {
    /** Written; plenty of room left. */
    WRITTEN,
    /**
     * Written, and the position is at or past early warning (SSC-5 4.2.5): the drive reports
     * CHECK CONDITION, NO SENSE, EOM=1, ASC/ASCQ 00/02 END-OF-PARTITION/MEDIUM DETECTED... with the
     * data accepted.
     */
    WRITTEN_EARLY_WARNING
}
