package org.vtl.cartridge;

/**
 * What identifies a cartridge and how it may be used.
 *
 * @param barcode        the volume tag, e.g. {@code ABC123L9}
 * @param mediaType      the LTO generation of the medium
 * @param worm           write once, read many
 * @param writeProtected the write-protect tab is set
 * @param nativeCapacity configured native capacity in bytes (at most the media type's native size)
 */
public record CartridgeInfo(String barcode, MediaType mediaType, boolean worm, boolean writeProtected,
                            long nativeCapacity) {
}
