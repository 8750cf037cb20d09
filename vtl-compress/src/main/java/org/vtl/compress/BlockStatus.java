package org.vtl.compress;

/**
 * Outcome of one block operation, as a completion reports it and as {@link BlockFrameException} carries it.
 * Every failure leaves the destination's bytes unspecified (never reported as good data).
 */
public enum BlockStatus {
    /** Done: the output length is valid. */
    OK,
    /** The frame header does not start with the magic, has an unknown version, or a reserved field set. */
    BAD_HEADER,
    /** The header CRC32C does not match: the header was damaged. */
    HEADER_CRC_MISMATCH,
    /** The frame names a codec this engine does not know. */
    UNKNOWN_CODEC,
    /** A declared length is over the cap, inconsistent (raw but stored != original), or beyond the buffer. */
    BAD_LENGTH,
    /** The source holds fewer bytes than the header (or the declared stored length) needs. */
    TRUNCATED,
    /** The destination region is smaller than the operation needs. */
    DESTINATION_TOO_SMALL,
    /** The codec rejected the payload, or it decoded to a different length than declared. */
    CODEC_ERROR,
    /** The decoded bytes do not match the CRC32C of the original bytes. */
    CRC_MISMATCH,
    /** The request was not run: the engine shut down before an engine thread took it. */
    ABORTED,
    /** An unexpected failure inside the engine (logged); the request's output is not valid. */
    INTERNAL_ERROR;

    public boolean isOk() {
        return this == OK;
    }
}
