/**
 * Member I/O and the on-disk formats: {@link org.vtl.raid.io.MemberFile} (a FileChannel over a sparse
 * file or block device, optionally O_DIRECT), the member superblock and the per-member stripe trailer.
 *
 * <p>Formats are big-endian and end with a CRC32C (Castagnoli, RFC 3720 appendix B.4) of the bytes
 * before it; they are described in {@code docs/raid.md}.
 */
package org.vtl.raid.io;
