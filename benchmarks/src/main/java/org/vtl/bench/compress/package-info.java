/**
 * JMH benchmarks of the compression engine against zstd-jni called directly on the same blocks: throughput and
 * ratio per level on {@link org.vtl.bench.corpus.BackupCorpus}, pass-through of random data, scaling over engine
 * threads, and allocation per block ({@code -prof gc}). Results and commands: {@code docs/benchmarks/compress.md}.
 */
package org.vtl.bench.compress;
