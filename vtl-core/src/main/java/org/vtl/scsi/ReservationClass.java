package org.vtl.scsi;

/**
 * How a command behaves under a reservation held by another I_T nexus (SPC-5 5.14.1, Table 68;
 * SPC-2 5.5.1): always allowed, conflicting only with exclusive-access reservations (reads, mode
 * sense), or conflicting with every reservation type (medium writes, positioning, mode select).
 */
public enum ReservationClass {
    ALWAYS,
    READ,
    WRITE
}
