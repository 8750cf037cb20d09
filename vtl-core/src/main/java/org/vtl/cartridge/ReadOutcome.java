package org.vtl.cartridge;

/**
 * Result of reading the next logical object.
 *
 * @param kind          {@link RecordKind#DATA}, {@link RecordKind#FILEMARK} or {@link RecordKind#END_OF_DATA}
 * @param recordLength  for DATA, the length of the block as written (may exceed what was copied)
 * @param copied        for DATA, how many bytes were copied into the destination: min(recordLength, remaining)
 */
public record ReadOutcome(RecordKind kind, int recordLength, int copied) {
}
