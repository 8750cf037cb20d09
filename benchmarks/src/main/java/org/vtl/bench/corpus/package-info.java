/**
 * Deterministic test data for benchmarks: {@link org.vtl.bench.corpus.BackupCorpus}, a tar-like backup stream
 * mixing text, binaries, zeros and already-compressed files, shared by the compression and end-to-end
 * benchmarks.
 */
package org.vtl.bench.corpus;
