/**
 * RAID-6 parity arithmetic: GF(2^8) with the polynomial x^8+x^4+x^3+x^2+1 (0x11D) and generator {02},
 * the P (XOR) and Q (Reed-Solomon) syndromes and recovery of any one or two erased chunks.
 *
 * <p>The math is that of H. Peter Anvin, "The mathematics of RAID-6", as implemented by Linux md
 * ({@code lib/raid6}) and Intel ISA-L {@code pq_gen}: {@code P = D0 ^ D1 ^ ... ^ Dk-1} and
 * {@code Q = g^0*D0 ^ g^1*D1 ^ ... ^ g^(k-1)*Dk-1}, so members written here are bit-identical to md's.
 * The byte-wise {@link org.vtl.raid.parity.ReferencePqSyndrome} is the test oracle; the data path uses
 * {@link org.vtl.raid.parity.PqSyndrome#fastest()} (Vector API, falling back to 64-bit SWAR).
 * Pure code: no I/O, no allocation per call on the fast paths.
 */
package org.vtl.raid.parity;
