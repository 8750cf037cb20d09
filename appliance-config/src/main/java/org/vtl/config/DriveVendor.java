package org.vtl.config;

/** The identity a tape drive answers INQUIRY with: IBM ULT3580-TDn or HP Ultrium n-SCSI. */
public enum DriveVendor {
    IBM,
    HP
}
