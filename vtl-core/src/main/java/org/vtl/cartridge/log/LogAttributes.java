package org.vtl.cartridge.log;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vtl.cartridge.MamAttributeIds;
import org.vtl.cartridge.MamAttributes;
import org.vtl.cartridge.MediumError;
import org.vtl.cartridge.MediumException;
import org.vtl.catalog.Catalog;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.CatalogException;

/** MAM of a mounted log cartridge: device attributes derived from its state, host attributes in the catalog. */
final class LogAttributes implements MamAttributes {

    private final LogMountedCartridge cartridge;
    private final Catalog catalog;
    private final long id;

    LogAttributes(LogMountedCartridge cartridge, Catalog catalog, long id) {
        this.cartridge = cartridge;
        this.catalog = catalog;
        this.id = id;
    }

    @Override
    public Optional<byte[]> read(int partition, int attribute) {
        return Optional.ofNullable(readAll(partition).get(attribute));
    }

    @Override
    public SortedMap<Integer, byte[]> readAll(int partition) {
        SortedMap<Integer, byte[]> out = new TreeMap<>();
        if (partition < 0 || partition >= cartridge.partitionCount()) {
            return out;
        }
        out.putAll(MamAttributeIds.deviceAttributes(cartridge.info(), cartridge.capacityOf(partition),
                cartridge.loadCount()));
        out.putAll(catalog.attributes(id, partition));
        return out;
    }

    @Override
    public void write(int partition, SortedMap<Integer, byte[]> attributes) throws MediumException {
        cartridge.checkWritable();
        if (partition < 0 || partition >= cartridge.partitionCount()) {
            throw new MediumException(MediumError.INVALID_POSITION, "no partition " + partition);
        }
        for (var e : attributes.entrySet()) {
            if (!MamAttributeIds.isHostWritable(e.getKey()) || e.getValue() == null
                    || e.getValue().length > MamAttributeIds.MAX_VALUE_LENGTH) {
                throw new MediumException(MediumError.INVALID_PARAMETER,
                        String.format("attribute %04Xh is read-only or too long", e.getKey()));
            }
        }
        try (CatalogBatch batch = catalog.batch()) {
            batch.putAttributes(id, partition, attributes);
            catalog.commit(batch, true);
        } catch (CatalogException e) {
            throw new MediumException(MediumError.STORAGE_FAILURE, "MAM write failed", e);
        }
    }
}
