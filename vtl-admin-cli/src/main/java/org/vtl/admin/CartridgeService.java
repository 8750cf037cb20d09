package org.vtl.admin;

import java.util.List;

import org.vtl.config.CartridgeRange;

/**
 * Virtual cartridges: labelling, moving through mail slots to and from the vault shelf, erasing and deleting.
 * Implemented over the catalog. Methods throw {@link ApiException} to refuse; long ones report to a
 * {@link JobProgress} and stop early when it is cancelled.
 */
public interface CartridgeService {

    List<CartridgeView> list(CartridgeFilter filter);

    /** @throws ApiException not_found */
    CartridgeView cartridge(String barcode);

    /**
     * Creates the cartridges of {@code range} in free storage slots of {@code partition}.
     *
     * @throws ApiException conflict when a barcode exists or the slots are full
     */
    List<CartridgeView> create(String partition, CartridgeRange range, JobProgress progress);

    /** Moves a cartridge from the vault shelf into a free import/export slot of {@code partition}. */
    CartridgeView importTo(String barcode, String partition);

    /** Moves a cartridge out of its library to the vault shelf; refused while loaded in a drive. */
    CartridgeView export(String barcode);

    /** Erases all data (frees its pool space); refused for WORM media with data and while loaded. */
    CartridgeView erase(String barcode, JobProgress progress);

    /** Deletes a cartridge and its data; refused while loaded. */
    void delete(String barcode);

    /** Sets or clears the write-protect tab. */
    CartridgeView writeProtect(String barcode, boolean on);
}
