package org.vtl.library;

/**
 * One element of a partition's changer and what it holds.
 *
 * @param address element address
 * @param type    element type
 * @param content the cartridge, or null when empty
 */
public record Element(int address, ElementType type, ElementContent content) {

    public boolean full() {
        return content != null;
    }

    /** The barcode, or null when empty. */
    public String barcode() {
        return content == null ? null : content.barcode();
    }
}
