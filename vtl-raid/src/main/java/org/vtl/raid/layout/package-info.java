/**
 * Where a stripe's chunks live: pure arithmetic from (row, role) to (member, byte offset), with no I/O.
 *
 * <p>A RAID-6 group of {@code k + 2} members is cut into rows; each row holds one stripe of
 * {@code w <= k} data chunks plus P and Q. Roles are rotated by row so parity spreads over all members.
 */
package org.vtl.raid.layout;
