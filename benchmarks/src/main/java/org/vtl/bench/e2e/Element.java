package org.vtl.bench.e2e;

/**
 * One element from READ ELEMENT STATUS (SMC-3 6.10).
 *
 * @param type          1 medium transport, 2 storage, 3 import/export, 4 data transfer
 * @param address       element address
 * @param full          a cartridge is present
 * @param barcode       primary volume tag (trimmed), or "" when none was reported
 * @param sourceAddress the element the cartridge came from, or -1 when not valid
 */
public record Element(int type, int address, boolean full, String barcode, int sourceAddress) {
    public static final int TRANSPORT = 1;
    public static final int STORAGE = 2;
    public static final int IMPORT_EXPORT = 3;
    public static final int DATA_TRANSFER = 4;
}
