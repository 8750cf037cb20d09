package org.vtl.cartridge;

import java.util.Optional;
import java.util.SortedMap;

/**
 * Medium auxiliary memory (MAM) of a cartridge (SPC-5 7.4, attribute identifiers 0000h..FFFFh):
 * device attributes the cartridge layer maintains (remaining capacity, load count, partition sizes)
 * and host attributes the application writes (vendor, name, version, barcode 0806h, volume coherency 080Ch).
 */
public interface MamAttributes {

    /** The attribute's value bytes, for {@code partition} (0..3). */
    Optional<byte[]> read(int partition, int id);

    /** All attribute ids present for {@code partition}, in ascending order, with their values. */
    SortedMap<Integer, byte[]> readAll(int partition);

    /** Writes host attributes atomically and durably; device (read-only) attributes are refused. */
    void write(int partition, SortedMap<Integer, byte[]> attributes) throws MediumException;
}
