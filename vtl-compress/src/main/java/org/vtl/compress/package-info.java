/**
 * Offload-style block compression engine: {@link org.vtl.compress.CompressionEngine} (bounded submission queue,
 * fixed engine threads, completions by callback or future, in order per {@link org.vtl.compress.CompressionStream}),
 * the synchronous {@link org.vtl.compress.BlockCompressor} that writes and verifies self-describing block frames
 * between caller-owned direct buffers (from one buffer, or from the several pieces an iSCSI WRITE's Data-Out PDUs
 * arrive in, streamed through zstd without gathering), raw pass-through for blocks that do not shrink
 * ({@link org.vtl.compress.PassThroughPolicy}, as LTO drives store incompressible records), and the per-stream
 * counters a tape drive reports in its Data Compression log page (SSC-4 LOG SENSE page 1Bh).
 * Depends on no other project module; payload crosses in and out as direct {@link java.nio.ByteBuffer}s.
 */
package org.vtl.compress;
