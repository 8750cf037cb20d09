package org.vtl.cartridge;

/**
 * Per-cartridge counters for LOG SENSE (pages 0Ch, 17h, 32h) and the admin API.
 *
 * @param bytesWrittenNative    bytes received from initiators
 * @param bytesWrittenStored    bytes stored after compression
 * @param bytesReadNative       bytes returned to initiators
 * @param bytesReadStored       stored bytes read to return them
 * @param loadCount             how many times the cartridge was loaded
 * @param readErrorsCorrected   blocks repaired from parity on read
 * @param readErrorsUncorrected blocks that could not be returned
 */
public record CartridgeStatistics(long bytesWrittenNative, long bytesWrittenStored, long bytesReadNative,
                                  long bytesReadStored, long loadCount, long readErrorsCorrected,
                                  long readErrorsUncorrected) {
}
