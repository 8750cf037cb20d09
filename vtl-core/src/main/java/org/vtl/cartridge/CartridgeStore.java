package org.vtl.cartridge;

import java.util.Optional;

/** Where a drive gets its cartridges from: the catalog of one library partition's media. */
public interface CartridgeStore {

    /** The cartridge with this barcode, if it belongs here. */
    Optional<CartridgeInfo> find(String barcode);

    /**
     * Loads a cartridge for exclusive use by one drive, positioned at the beginning of partition 0.
     * Refused with {@link MediumError#NOT_AVAILABLE} when it is mounted elsewhere or being exported.
     */
    MountedCartridge mount(String barcode) throws MediumException;
}
