package org.vtl.cartridge.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.MediaType;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.MountedCartridgeContract;
import org.vtl.cartridge.TestBlocks;

class MemoryCartridgeStoreTest extends MountedCartridgeContract {

    private MemoryCartridgeStore store;

    @Override
    protected CartridgeStore open(CapacityPolicy policy, long quota, List<CartridgeInfo> cartridges) {
        store = new MemoryCartridgeStore(policy, quota);
        cartridges.forEach(store::add);
        return store;
    }

    @Override
    protected void setWriteProtected(String barcode, boolean writeProtected) {
        store.setWriteProtected(barcode, writeProtected);
    }

    @Override
    protected CartridgeStore restart() {
        return store;
    }

    @Test
    void addingFromABarcodeTakesMediaTypeAndWormFromTheSuffix() {
        MemoryCartridgeStore s = new MemoryCartridgeStore();
        assertEquals(new CartridgeInfo("WORM01LX", MediaType.LTO7, true, false, 6_000_000_000_000L),
                s.add("WORM01LX"));
    }

    @Test
    void addingACartridgeWhoseSuffixNamesAnotherMediaTypeIsRefused() {
        MemoryCartridgeStore s = new MemoryCartridgeStore();
        assertThrows(IllegalArgumentException.class,
                () -> s.add(new CartridgeInfo("ABC123L8", MediaType.LTO9, false, false, 1000)));
        assertThrows(IllegalArgumentException.class,
                () -> s.add(new CartridgeInfo("abc123L8", MediaType.LTO8, false, false, 1000)));
        assertTrue(s.barcodes().isEmpty());
    }

    @Test
    void aMountedCartridgeCannotBeRemoved() throws Exception {
        MemoryCartridgeStore s = new MemoryCartridgeStore();
        s.add("ABC123L9");
        MountedCartridge c = s.mount("ABC123L9");
        assertFalse(s.remove("ABC123L9"));
        c.close();
        assertTrue(s.remove("ABC123L9"));
        assertTrue(s.find("ABC123L9").isEmpty());
    }

    @Test
    void storedBytesSumAllCartridges() throws Exception {
        MemoryCartridgeStore s = new MemoryCartridgeStore();
        s.add("AAA001L9");
        s.add("AAA002L9");
        try (MountedCartridge a = s.mount("AAA001L9"); MountedCartridge b = s.mount("AAA002L9")) {
            a.writeBlock(TestBlocks.payload(1, 100));
            b.writeBlock(TestBlocks.payload(2, 50));
        }
        assertEquals(150, s.storedBytes());
    }
}
