package org.vtl.cartridge;

/** Why the cartridge layer refused an operation; the drive maps each to its sense data. */
public enum MediumError {
    /** The write would pass the end of the partition: nothing was written (VOLUME OVERFLOW / EOM). */
    END_OF_MEDIUM,
    /** The cartridge is write-protected (DATA PROTECT, 27/00). */
    WRITE_PROTECTED,
    /** A WORM cartridge refuses to overwrite or erase written data (DATA PROTECT, 30/0C or 2C/00 class). */
    WORM_OVERWRITE,
    /** The owning partition's capacity quota is used up (DATA PROTECT / VOLUME OVERFLOW class). */
    QUOTA_EXCEEDED,
    /** The RAID pool has no free space left (HARDWARE ERROR / 03/00 class, never silent). */
    POOL_FULL,
    /** A stored block failed its CRC and could not be repaired (MEDIUM ERROR, 11/00). */
    UNRECOVERED_READ_ERROR,
    /** The storage below failed (pool failed, catalog failure): the write was not acknowledged. */
    STORAGE_FAILURE,
    /** The requested partition or position does not exist on this medium. */
    INVALID_POSITION,
    /** The block is larger than the cartridge layer accepts. */
    BLOCK_TOO_LARGE,
    /**
     * The request's parameters do not fit this medium (ILLEGAL REQUEST, 26/00 INVALID FIELD IN PARAMETER LIST):
     * a partition count or sizes the media type cannot hold, a write to a read-only MAM attribute.
     */
    INVALID_PARAMETER,
    /** The cartridge is not in a state that allows the operation (e.g. being exported). */
    NOT_AVAILABLE
}
