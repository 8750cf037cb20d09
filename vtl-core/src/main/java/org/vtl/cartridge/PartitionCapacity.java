package org.vtl.cartridge;

/**
 * Capacity of one medium partition in native (uncompressed) bytes, as LOG SENSE page 31h reports it.
 *
 * @param total        the partition's native capacity
 * @param remaining    native bytes left before the end of the partition
 * @param earlyWarning native bytes from the beginning at which early warning starts
 */
public record PartitionCapacity(long total, long remaining, long earlyWarning) {
}
