package org.vtl.compress;

/** What an engine request does with its source. */
public enum Operation {
    /** Source: original bytes. Destination: one block frame, at most {@code BlockCompressor.maxFrameLength(n)}. */
    COMPRESS,
    /** Source: one block frame. Destination: the verified original bytes. */
    DECOMPRESS
}
