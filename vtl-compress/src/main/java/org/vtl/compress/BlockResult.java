package org.vtl.compress;

import org.vtl.compress.frame.BlockFrameDescriptor;

/**
 * Immutable outcome of one request, for the {@link java.util.concurrent.CompletableFuture} form of submission.
 *
 * @param status what happened
 * @param outputLength frame length (compress) or original length (decompress); 0 on failure
 * @param inputLength bytes consumed
 * @param flags frame flags; 0 on failure
 * @param checksum CRC32C of the original bytes; 0 on failure
 */
public record BlockResult(BlockStatus status, int outputLength, int inputLength, int flags, int checksum) {

    static BlockResult of(Completion completion) {
        return new BlockResult(completion.status(), completion.outputLength(), completion.inputLength(),
                completion.flags(), completion.checksum());
    }

    public boolean raw() {
        return (flags & BlockFrameDescriptor.FLAG_RAW) != 0;
    }
}
