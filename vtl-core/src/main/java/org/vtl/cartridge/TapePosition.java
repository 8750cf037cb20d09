package org.vtl.cartridge;

/**
 * A logical position on one medium partition, as READ POSITION reports it (SSC-5 6.9).
 *
 * @param partition       the medium partition, 0..3
 * @param logicalObject   the logical object identifier: data blocks and filemarks are both logical
 *                        objects, numbered from 0 at the beginning of the partition (SSC-5 4.2.6)
 * @param filemarks       the number of filemarks between the beginning of the partition and this position
 * @param beginningOfPartition true at logical object 0
 * @param endOfData       true when positioned at end-of-data (nothing recorded at or after it)
 * @param earlyWarning    true when the position is at or past the early-warning point (programmable or native)
 */
public record TapePosition(int partition, long logicalObject, long filemarks, boolean beginningOfPartition,
                           boolean endOfData, boolean earlyWarning) {
}
