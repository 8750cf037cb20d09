/**
 * Segments, the unit the cartridge log stores in the pool, and the ports below the cartridge layer:
 * {@link org.vtl.cartridge.segment.SegmentStore} (append a filled segment as one extent, sync, read a range,
 * free) with {@link org.vtl.cartridge.segment.PoolSegmentStore} on the RAID-6 pool and
 * {@link org.vtl.cartridge.segment.FileSegmentStore} on one file; {@link org.vtl.cartridge.segment.BlockCodec}
 * with {@link org.vtl.cartridge.segment.EngineCodec} on the compression engine and JDK stand-ins. The byte
 * layouts are {@link org.vtl.cartridge.segment.SegmentDescriptor} and
 * {@link org.vtl.cartridge.segment.BlockRecordDescriptor} (docs/formats.md): self-describing, with room for
 * an encryption key id and nonce, and no pool addresses inside records.
 */
package org.vtl.cartridge.segment;
