package org.vtl.cartridge.log;

import java.io.PrintStream;
import java.nio.file.Path;

import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.TestBlocks;

/**
 * The child process of {@link CartridgeCrashTest}: opens {@link CrashStorage} (pool, engine, catalog:
 * recovery), mounts the crash cartridge, positions at a given logical
 * object (truncating what follows when it writes) and streams objects of one epoch, printing
 * {@code SYNC n} after each acknowledged sync point, until it is killed.
 *
 * <p>Arguments: directory, epoch, start object, seed.
 */
public final class CrashingWriter {

    static final String BARCODE = "CRASH1L9";
    static final CapacityPolicy POLICY = new CapacityPolicy(0, 0, 8 << 10);

    private CrashingWriter() {
    }

    /** Whether object {@code i} of epoch {@code e} is a filemark. */
    static boolean isFilemark(long i, int epoch) {
        return (i * 7 + epoch) % 13 == 12;
    }

    /** The block length of object {@code i} of epoch {@code e}. */
    static int length(long i, int epoch) {
        return 1 + (int) Math.floorMod(i * 2654435761L + epoch * 40503L, 3000L);
    }

    static int seed(long i, int epoch) {
        return (int) (i * 1_000_003L + epoch);
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int epoch = Integer.parseInt(args[1]);
        long start = Long.parseLong(args[2]);
        java.util.Random random = new java.util.Random(Long.parseLong(args[3]));
        PrintStream out = System.out;
        LogCartridgeStore store = CrashStorage.open(directory).store();
        if (store.find(BARCODE).isEmpty()) {
            store.add(BARCODE);
        }
        MountedCartridge c = store.mount(BARCODE);
        c.setCompression(random.nextBoolean());
        c.locate(0, start);
        out.println("READY " + c.position().logicalObject());
        out.flush();
        long i = c.position().logicalObject();
        while (true) {
            int burst = 1 + random.nextInt(40);
            for (int k = 0; k < burst; k++, i++) {
                if (isFilemark(i, epoch)) {
                    c.writeFilemarks(1);
                } else {
                    c.writeBlock(TestBlocks.payload(seed(i, epoch), length(i, epoch)));
                }
            }
            c.flush();
            out.println("SYNC " + i);
            out.flush();
        }
    }
}
