/**
 * The on-disk block frame: {@link org.vtl.compress.frame.BlockFrameDescriptor} names the byte layout of the
 * self-describing header (magic, version, codec, raw flag, original and stored lengths, CRC32C of the original
 * bytes, header CRC32C) that the cartridge layer stores per block inside its segments. Layout only; no I/O.
 * The CRC is CRC32C (Castagnoli, RFC 3720 B.4), the checksum the rest of the appliance uses.
 */
package org.vtl.compress.frame;
