package org.vtl.cartridge.memory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vtl.cartridge.Barcode;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.MediumError;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;

/**
 * The executable reference model of a library partition's cartridges, entirely in memory: tape semantics
 * without storage concerns. It is the oracle the persistent store is tested against and a fast stand-in for
 * drive tests. Nothing survives the object; "stored" bytes equal native bytes (no compression).
 *
 * <p>A store-wide quota (in stored bytes) models a library partition's capacity quota. All methods, including
 * those of the mounted cartridges, serialise on the store.
 */
public final class MemoryCartridgeStore implements CartridgeStore {

    private final CapacityPolicy policy;
    private final long quota;
    private final Map<String, MemoryCartridge> cartridges = new TreeMap<>();

    /** A store with the default capacity policy and no quota. */
    public MemoryCartridgeStore() {
        this(CapacityPolicy.DEFAULT, Long.MAX_VALUE);
    }

    /**
     * @param policy where early warning falls and the largest block
     * @param quota  stored bytes all cartridges together may hold ({@link Long#MAX_VALUE} for no quota)
     */
    public MemoryCartridgeStore(CapacityPolicy policy, long quota) {
        if (quota < 0) {
            throw new IllegalArgumentException("negative quota");
        }
        this.policy = policy;
        this.quota = quota;
    }

    /**
     * Adds a blank cartridge with one partition of its whole native capacity.
     *
     * @throws IllegalArgumentException if the barcode is invalid, its suffix names another media type, the
     *                                  capacity is not in 1..native, or the barcode is taken
     */
    public synchronized CartridgeInfo add(CartridgeInfo info) {
        Barcode barcode = Barcode.of(info.barcode());
        if (barcode.mediaType() != info.mediaType()) {
            throw new IllegalArgumentException("barcode " + barcode + " is not " + info.mediaType() + " media");
        }
        if (info.nativeCapacity() < 1 || info.nativeCapacity() > info.mediaType().nativeCapacity()) {
            throw new IllegalArgumentException("capacity out of range for " + info.mediaType());
        }
        if (cartridges.containsKey(info.barcode())) {
            throw new IllegalArgumentException("barcode already present: " + barcode);
        }
        cartridges.put(info.barcode(), new MemoryCartridge(info));
        return info;
    }

    /** Adds a blank cartridge whose media type and WORM flag come from the barcode suffix, with full capacity. */
    public CartridgeInfo add(String barcode) {
        Barcode b = Barcode.of(barcode);
        return add(new CartridgeInfo(b.value(), b.mediaType(), b.worm(), false, b.mediaType().nativeCapacity()));
    }

    /** Sets or clears the write-protect tab (takes effect for the next operation, even while mounted). */
    public synchronized void setWriteProtected(String barcode, boolean writeProtected) {
        MemoryCartridge c = cartridge(barcode);
        CartridgeInfo i = c.info;
        c.info = new CartridgeInfo(i.barcode(), i.mediaType(), i.worm(), writeProtected, i.nativeCapacity());
    }

    /** Removes an unmounted cartridge and its content; false when absent or mounted. */
    public synchronized boolean remove(String barcode) {
        MemoryCartridge c = cartridges.get(barcode);
        if (c == null || c.mounted) {
            return false;
        }
        cartridges.remove(barcode);
        return true;
    }

    /** Barcodes present, in order. */
    public synchronized List<String> barcodes() {
        return List.copyOf(cartridges.keySet());
    }

    /** Stored bytes of all cartridges together (what the quota limits). */
    public synchronized long storedBytes() {
        long sum = 0;
        for (MemoryCartridge c : cartridges.values()) {
            sum += c.storedBytes();
        }
        return sum;
    }

    @Override
    public synchronized Optional<CartridgeInfo> find(String barcode) {
        MemoryCartridge c = cartridges.get(barcode);
        return c == null ? Optional.empty() : Optional.of(c.info);
    }

    @Override
    public synchronized MountedCartridge mount(String barcode) throws MediumException {
        MemoryCartridge c = cartridges.get(barcode);
        if (c == null) {
            throw new MediumException(MediumError.NOT_AVAILABLE, "no cartridge " + barcode + " in this store");
        }
        if (c.mounted) {
            throw new MediumException(MediumError.NOT_AVAILABLE, "cartridge " + barcode + " is mounted elsewhere");
        }
        c.mounted = true;
        c.loadCount++;
        return new MemoryMountedCartridge(this, c);
    }

    CapacityPolicy policy() {
        return policy;
    }

    long quota() {
        return quota;
    }

    private MemoryCartridge cartridge(String barcode) {
        MemoryCartridge c = cartridges.get(barcode);
        if (c == null) {
            throw new IllegalArgumentException("no cartridge " + barcode);
        }
        return c;
    }
}
