package org.vtl.raid;

/** Health of a RAID-6 group. */
public enum GroupState {
    /** Every member online. */
    ONLINE,
    /** One or two members failed or rebuilding: reads reconstruct, writes continue. */
    DEGRADED,
    /** More than two members failed: no writes; reads of its stripes fail with an error, never wrong data. */
    FAILED
}
