package org.vtl.compress;

/**
 * Snapshot of one stream's counters, as a tape drive reports them in its Data Compression log page
 * (SSC-4 LOG SENSE page 1Bh): bytes from the host and to the medium on write, from the medium and to the host on
 * read. Compressed byte counts are whole frames (header included): what the medium holds.
 *
 * @param streamId the stream
 * @param blocksWritten compress requests completed OK
 * @param nativeBytesWritten original bytes of those blocks ("bytes transferred from server")
 * @param compressedBytesWritten frame bytes produced ("bytes written to medium")
 * @param passThroughBlocks blocks stored raw although a codec was asked for
 * @param blocksRead decompress requests completed OK
 * @param compressedBytesRead frame bytes consumed ("bytes read from medium")
 * @param nativeBytesRead original bytes delivered ("bytes transferred to server")
 * @param failedBlocks requests of either kind that completed with a failure status
 */
public record StreamStats(long streamId, long blocksWritten, long nativeBytesWritten, long compressedBytesWritten,
                          long passThroughBlocks, long blocksRead, long compressedBytesRead, long nativeBytesRead,
                          long failedBlocks) {

    /** Write compression ratio times 100 (native / compressed), 100 when nothing was written, as page 1Bh has it. */
    public int writeRatioPercent() {
        return ratioPercent(nativeBytesWritten, compressedBytesWritten);
    }

    /** Read compression ratio times 100 (native / compressed), 100 when nothing was read. */
    public int readRatioPercent() {
        return ratioPercent(nativeBytesRead, compressedBytesRead);
    }

    private static int ratioPercent(long nativeBytes, long compressedBytes) {
        if (compressedBytes == 0) {
            return 100;
        }
        return (int) Math.min(0xFFFF, nativeBytes * 100 / compressedBytes);
    }
}
