/**
 * The persistent cartridge: each medium partition is an append-only log of records (data blocks, filemarks,
 * end-of-data) packed into segments on the pool and indexed in the catalog. Implements the logical model of
 * SSC-5 4.2 (logical objects, filemarks, EOD, early warning, partitions, WORM), LOCATE / SPACE (SSC-5 6.6,
 * 6.8) in O(log n) from the filemark and block indexes, FORMAT MEDIUM partitioning (SSC-5 6.3) and MAM
 * (SPC-5 7.4). Durability: a sync point writes the partial segment as a narrower stripe, syncs the pool and
 * commits the catalog batch with a synced WAL before it returns (docs/formats.md, "Durability").
 * Entry points: {@link org.vtl.cartridge.log.CartridgeBackend} and
 * {@link org.vtl.cartridge.log.LogCartridgeStore}. Wiring, in this order (the pool learns its live extents
 * from the catalog):
 * <pre>{@code
 * Catalog catalog = Catalog.open(dataDir.resolve("catalog"));
 * Pool pool = Pool.open(members, options, registry,
 *         PoolSegmentStore.toPoolExtents(CartridgeBackend.liveExtents(catalog)));   // or Pool.create the first time
 * int largest = CartridgeBackend.maxBlockSize(pool.stripeCapacity());          // READ BLOCK LIMITS maximum
 * CapacityPolicy policy = CapacityPolicy.DEFAULT.withMaxBlockSize(largest);
 * CartridgeBackend backend = CartridgeBackend.open(catalog, new PoolSegmentStore(pool),
 *         id -> new EngineCodec(engine, id), new LogConfig(policy, 16));
 * LogCartridgeStore store = backend.store("default", quotaBytes);                    // one per library partition
 * }</pre>
 * Each drive writing holds one pool stripe buffer (its open segment): give the pool at least as many
 * {@code stripeBuffers} as drives that may write at once, plus a few.
 */
package org.vtl.cartridge.log;
