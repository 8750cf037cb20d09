package org.vtl.scsi;

import java.util.List;

/**
 * The logical unit numbers one target (library partition) exposes, for REPORT LUNS (SPC-5 6.33).
 * Given to every logical unit of the partition.
 */
@FunctionalInterface
public interface LunInventory {

    /** The LUNs, ascending. */
    List<Long> luns();

    static LunInventory of(List<Long> luns) {
        List<Long> copy = List.copyOf(luns);
        return () -> copy;
    }
}
