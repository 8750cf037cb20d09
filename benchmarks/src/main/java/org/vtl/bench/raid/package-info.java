/**
 * JMH benchmarks of the RAID-6 pool: P+Q generation and two-data reconstruction per core (compared with
 * Intel ISA-L in the same run), and pool sequential stripe writes against a plain sequential file write of
 * the same bytes. Results and commands: {@code docs/benchmarks/raid.md}.
 */
package org.vtl.bench.raid;
