package org.vtl.scsi;

/** Which way a command moves data (SAM-5 5.4). */
public enum DataDirection {
    NONE,
    /** Data-In: device to initiator. */
    IN,
    /** Data-Out: initiator to device. */
    OUT
}
