package org.vtl.library;

import java.util.Objects;

/**
 * What an element holds: a cartridge's barcode and the storage element it last came from.
 *
 * @param barcode       the volume tag of the cartridge
 * @param sourceAddress the element the cartridge was last moved from (SMC-3 SOURCE STORAGE ELEMENT ADDRESS),
 *                      or -1 when it was placed by the operator
 */
public record ElementContent(String barcode, int sourceAddress) {

    public ElementContent {
        Objects.requireNonNull(barcode, "barcode");
    }
}
