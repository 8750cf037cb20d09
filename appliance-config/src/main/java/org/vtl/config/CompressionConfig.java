package org.vtl.config;

/** The compression engine, modelled on an offload card: fixed engine threads and a bounded submission queue. */
public record CompressionConfig(
        @ConfigKey(doc = "zstd, or none to store blocks raw.")
        Codec codec,
        @ConfigKey(doc = "zstd level: 1 (the default) is the fastest regular level; higher compresses more and"
                + " costs more CPU; -7..-1 are zstd's fast levels; 0 means zstd's own default (3).", min = -7, max = 19)
        int level,
        @ConfigKey(doc = "Engine threads (the card's compression cores).", min = 1, max = 64)
        int threads,
        @ConfigKey(doc = "Submission queue depth; a full queue makes writers wait (backpressure).", min = 1, max = 4096)
        int queueDepth) {
}
