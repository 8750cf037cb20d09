/**
 * The persistent cartridge: each medium partition is an append-only log of records (data blocks, filemarks,
 * end-of-data) packed into segments on the pool and indexed in the catalog. Implements the logical model of
 * SSC-5 4.2 (logical objects, filemarks, EOD, early warning, partitions, WORM), LOCATE / SPACE (SSC-5 6.6,
 * 6.8) in O(log n) from the filemark and block indexes, FORMAT MEDIUM partitioning (SSC-5 6.3) and MAM
 * (SPC-5 7.4). Durability: a sync point writes the partial segment as a narrower stripe, syncs the pool and
 * commits the catalog batch with a synced WAL before it returns (docs/formats.md, "Durability").
 * Entry points: {@link org.vtl.cartridge.log.CartridgeBackend} and
 * {@link org.vtl.cartridge.log.LogCartridgeStore}.
 */
package org.vtl.cartridge.log;
