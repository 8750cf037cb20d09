/**
 * The end-to-end throughput harness: drives a tape library over iSCSI the way a backup server does (changer MOVE
 * MEDIUM, then per drive WRITE(6) variable blocks, WRITE FILEMARKS, REWIND, READ(6) with byte-for-byte
 * verification, unload), beside raw-disk baselines, and writes the table, CSV and plot of docs/benchmarks/e2e.md.
 *
 * <p>Commands used: SPC-4 TEST UNIT READY, INQUIRY, MODE SENSE(6)/MODE SELECT(6); SSC-3 REWIND, WRITE(6),
 * READ(6), WRITE FILEMARKS(6), LOAD UNLOAD and the Data Compression mode page (0Fh); SMC-3 MOVE MEDIUM,
 * READ ELEMENT STATUS and the Element Address Assignment mode page (1Dh).
 *
 * <p>Entry point: {@link org.vtl.bench.e2e.E2eBench}; benchmarks/scripts/e2e-bench.sh runs it end to end.
 */
package org.vtl.bench.e2e;
