package org.vtl.admin;

import org.vtl.config.LtoGeneration;

/**
 * One virtual cartridge.
 *
 * @param barcode        volume tag
 * @param partition      owning partition, or {@code null} on the vault shelf
 * @param media          media type
 * @param capacityBytes  native capacity
 * @param writtenBytes   native bytes written (before compression)
 * @param storedBytes    pool bytes used (after compression)
 * @param worm           write once
 * @param writeProtected write-protect tab set
 * @param location       {@link Location}
 * @param element        element address of the slot or drive it is in; -1 on the vault shelf
 */
public record CartridgeView(String barcode, String partition, LtoGeneration media, long capacityBytes,
                            long writtenBytes, long storedBytes, boolean worm, boolean writeProtected,
                            Location location, int element) {

    /** Where a cartridge is. */
    public enum Location {
        STORAGE_SLOT,
        IMPORT_EXPORT_SLOT,
        DRIVE,
        VAULT
    }
}
