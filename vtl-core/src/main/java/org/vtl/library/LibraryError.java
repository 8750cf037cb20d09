package org.vtl.library;

/** Why a partition refused a state change; the changer maps each to its sense data (SMC-3 Annex). */
public enum LibraryError {
    /** No element of this partition has the address. */
    INVALID_ADDRESS,
    /** The source element is empty. */
    SOURCE_EMPTY,
    /** The destination element is full. */
    DESTINATION_FULL,
    /** The cartridge does not belong to this partition. */
    UNKNOWN_CARTRIDGE,
    /** The cartridge is already in an element of this partition. */
    DUPLICATE_CARTRIDGE,
    /** No element of the wanted type is free. */
    NO_FREE_ELEMENT,
    /** The element cannot be reached now (import/export door open). */
    NOT_ACCESSIBLE
}
