package org.vtl.cartridge.log;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.MountedCartridgeContract;

/** The shared cartridge contract on the real catalog (RocksDB) and a file segment store. */
class LogCartridgeStoreTest extends MountedCartridgeContract {

    @TempDir
    Path directory;

    private LogFixture fixture;
    private LogCartridgeStore store;
    private long quota;

    @Override
    protected CartridgeStore open(CapacityPolicy policy, long quota, List<CartridgeInfo> cartridges)
            throws Exception {
        fixture = new LogFixture(directory, policy, 4096);
        this.quota = quota;
        store = fixture.store(quota);
        cartridges.forEach(store::add);
        return store;
    }

    @Override
    protected void setWriteProtected(String barcode, boolean writeProtected) {
        store.setWriteProtected(barcode, writeProtected);
    }

    @Override
    protected CartridgeStore restart() throws Exception {
        store = fixture.reopen().store("default", quota);
        return store;
    }

    @AfterEach
    void closeFixture() throws Exception {
        closeMounted();
        if (fixture != null) {
            fixture.close();
        }
    }
}
