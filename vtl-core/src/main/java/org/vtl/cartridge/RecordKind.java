package org.vtl.cartridge;

/** What a read or space met on the medium (SSC-5 4.2). */
public enum RecordKind {
    /** A logical block of user data. */
    DATA,
    /** A filemark; the position has moved past it in the direction of travel. */
    FILEMARK,
    /** End-of-data: nothing is recorded here; the position did not move. */
    END_OF_DATA,
    /** Beginning of partition reached while moving backwards. */
    BEGINNING_OF_PARTITION,
    /** End of the partition's capacity reached (only on a medium with no EOD before it). */
    END_OF_PARTITION
}
