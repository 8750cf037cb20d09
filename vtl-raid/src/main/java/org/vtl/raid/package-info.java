/**
 * The RAID-6 pool: {@link org.vtl.raid.Pool} assembles member disks into groups of k data + P + Q, writes
 * whole stripes from pooled direct buffers ({@link org.vtl.raid.StripeBuffer}) to free rows only (no
 * read-modify-write, no write hole), reads any byte range of an {@link org.vtl.raid.Extent} with CRC32C
 * verification and reconstruction of up to two missing or corrupt chunks, and rebuilds, scrubs and grows
 * in the background. No dependency on any other project module; see {@code docs/raid.md}.
 */
package org.vtl.raid;
