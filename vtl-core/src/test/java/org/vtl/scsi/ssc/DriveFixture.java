package org.vtl.scsi.ssc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.MediaType;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.memory.MemoryCartridgeStore;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.TestInitiator;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;

/**
 * An IBM LTO-8 drive on LUN 1 over the in-memory cartridge store, whose mounted cartridges record every
 * call (flush, setCompression) so tests can see the drive drive them.
 */
final class DriveFixture {

    static final String TAPE = "TAPE01L8";
    /** 16 KiB cartridge with early warning 4 KiB before its end. */
    static final String SMALL = "SMALL1L8";

    final MemoryCartridgeStore memory = new MemoryCartridgeStore(CapacityPolicy.reserve(4096), Long.MAX_VALUE);
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final TapeDrive drive;
    final TestInitiator host;

    DriveFixture() {
        this(DriveIdentity.ibm(LtoGeneration.LTO8));
    }

    DriveFixture(DriveIdentity identity) {
        memory.add(TAPE);
        memory.add("TAPE02L8");
        memory.add("TAPE01L7");
        memory.add("TAPE01L6");
        memory.add("TAPE01L9");
        memory.add("WORM01LY");
        memory.add(new CartridgeInfo(SMALL, MediaType.LTO8, false, false, 16384));
        drive = new TapeDrive("drive0", 1, LunInventory.of(List.of(0L, 1L)), Runnable::run, identity, "SN00000001",
                recording(memory));
        host = new TestInitiator(drive, "host", 1);
    }

    /** Inserts a cartridge as the changer would and clears the host's unit attentions. */
    DriveFixture loaded(String barcode) {
        drive.insert(barcode);
        host.clearUnitAttentions();
        return this;
    }

    private CartridgeStore recording(CartridgeStore store) {
        return new CartridgeStore() {
            @Override
            public Optional<CartridgeInfo> find(String barcode) {
                return store.find(barcode);
            }

            @Override
            public MountedCartridge mount(String barcode) throws MediumException {
                MountedCartridge real = store.mount(barcode);
                return (MountedCartridge) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {MountedCartridge.class}, (proxy, method, args) -> {
                            calls.add(method.getName() + (args != null && args.length == 1
                                    && args[0] instanceof Boolean b ? "(" + b + ")" : ""));
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    ScsiResponse writeVariable(byte[] block) {
        int n = block.length;
        return host.send(TestInitiator.bytes(0x0A, 0, n >> 16, (n >> 8) & 0xff, n & 0xff, 0), block);
    }

    ScsiResponse writeFixed(int blocks, byte[] data) {
        return host.send(TestInitiator.bytes(0x0A, 1, blocks >> 16, (blocks >> 8) & 0xff, blocks & 0xff, 0), data);
    }

    ScsiResponse readVariable(int length, boolean sili) {
        return host.send(0x08, sili ? 2 : 0, length >> 16, (length >> 8) & 0xff, length & 0xff, 0);
    }

    ScsiResponse readFixed(int blocks) {
        return host.send(0x08, 1, blocks >> 16, (blocks >> 8) & 0xff, blocks & 0xff, 0);
    }

    ScsiResponse writeFilemarks(int count, boolean immediate) {
        return host.send(0x10, immediate ? 1 : 0, count >> 16, (count >> 8) & 0xff, count & 0xff, 0);
    }

    ScsiResponse rewind() {
        return host.send(0x01, 0, 0, 0, 0, 0);
    }

    ScsiResponse space(int code, int count) {
        return host.send(0x11, code, (count >> 16) & 0xff, (count >> 8) & 0xff, count & 0xff, 0);
    }

    /** MODE SELECT(6) with a block descriptor setting the block length. */
    ScsiResponse setBlockLength(int length) {
        byte[] p = {0, 0, 0x10, 8, 0, 0, 0, 0, 0, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
        return host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, p.length, 0), p);
    }

    /** Logical object of the short-form READ POSITION. */
    long position() {
        byte[] d = TestInitiator.data(host.send(0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        return ByteBuffer.wrap(d).getInt(4) & 0xffffffffL;
    }

    static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }
}
