package org.vtl.cartridge.segment;

/**
 * Where a segment store put one segment: an opaque address (meaningful only to that store) and the number of
 * bytes written. The catalog records it under an extent id; records never contain it.
 */
public record StoredExtent(long address, int length) {
}
