package org.vtl.scsi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.Barcode;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.log.LogCartridgeStore;
import org.vtl.cartridge.log.LogFixture;
import org.vtl.cartridge.memory.MemoryCartridgeStore;
import org.vtl.library.LibraryException;
import org.vtl.library.memory.MemoryLibraryStateStore;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiCommand;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;
import org.vtl.scsi.smc.PartitionDevices;
import org.vtl.scsi.ssc.TapeDrive;

/**
 * Randomized CDBs against a changer and two drives: every opcode, random fields, CDB lengths, allocation
 * lengths and Data-Out. Every response must be a well-formed status (GOOD without sense, CHECK CONDITION
 * with well-formed fixed or descriptor sense, or RESERVATION CONFLICT), never more Data-In than the
 * initiator allowed, and never INTERNAL TARGET FAILURE (which is what an escaped exception becomes).
 */
class CdbFuzzTest {

    private static final long SEED = 0x5C5150L;
    private static final int CASES = 100_000;
    private static final int PERSISTENT_CASES = 20_000;
    private static final Nexus[] NEXUSES = {new Nexus("iqn.fuzz:a,i,0x1", "t"), new Nexus("iqn.fuzz:b,i,0x2", "t")};

    @Test
    void everyOpcodeWithRandomFieldsAnswersWellFormed() throws LibraryException {
        fuzz(new MemoryCartridgeStore(CapacityPolicy.DEFAULT, 8 << 20), CASES);
    }

    /** The same over the persistent log-structured cartridge store (no fsync: semantics, not durability). */
    @Test
    void persistentCartridgeStoreAnswersWellFormedToo(@TempDir Path dir) throws Exception {
        try (LogFixture fixture = new LogFixture(dir, new CapacityPolicy(0, 10, 128 << 10), 64, false)) {
            LogCartridgeStore store = fixture.store(8 << 20);
            fuzz(store, PERSISTENT_CASES);
        }
    }

    private static void fuzz(CartridgeStore cartridges, int cases) throws LibraryException {
        for (String b : new String[] {"FUZ001L8", "FUZ002L8", "FUZ003L7", "FUZ004LY"}) {
            Barcode barcode = Barcode.of(b);
            CartridgeInfo info = new CartridgeInfo(b, barcode.mediaType(), barcode.worm(), false,
                    barcode.mediaType().nativeCapacity());
            if (cartridges instanceof MemoryCartridgeStore m) {
                m.add(info);
            } else {
                ((LogCartridgeStore) cartridges).add(info);
            }
        }
        PartitionDevices lib = PartitionDevices.create("appliance-1", "fuzz", ChangerIdentity.ibm3584(),
                List.of(DriveIdentity.ibm(LtoGeneration.LTO8), DriveIdentity.ibm(LtoGeneration.LTO8)), 6, 2,
                cartridges, new MemoryLibraryStateStore(), Runnable::run);
        for (String b : new String[] {"FUZ001L8", "FUZ002L8", "FUZ003L7", "FUZ004LY"}) {
            lib.changer().addToStorage(b);
        }
        lib.drives().get(0).insert("FUZ001L8");
        lib.drives().get(1).insert("FUZ004LY");
        List<LogicalUnit> units = List.of(lib.changer(), lib.drives().get(0), lib.drives().get(1));
        SplittableRandom random = new SplittableRandom(SEED);
        Map<ScsiStatus, Integer> statuses = new EnumMap<>(ScsiStatus.class);
        for (int i = 0; i < cases; i++) {
            int unit = random.nextInt(units.size());
            // even cases walk every opcode 00h-FFh; odd cases pick a command the unit supports
            org.vtl.scsi.CommandDescriptor d = null;
            int opcode = (i >> 1) & 0xff;
            if ((i & 1) == 1) {
                List<org.vtl.scsi.CommandDescriptor> table = ((org.vtl.scsi.spc.SpcLogicalUnit) units.get(unit))
                        .commands().all();
                d = table.get(random.nextInt(table.size()));
                opcode = d.opcode();
            }
            ScsiCommand c = randomCommand(random, opcode, unit);
            if (opcode == 0x10 && c.cdb().length > 3) {
                // millions of filemarks are legal but cost the cartridge models an object or entry each
                c.cdb()[2] = 0;
                c.cdb()[3] = 0;
            }
            if (d != null && d.serviceAction() >= 0 && c.cdb().length > 1) {
                c.cdb()[1] = (byte) ((c.cdb()[1] & 0xe0) | d.serviceAction());
            }
            ScsiResponse r = units.get(unit).execute(c).toCompletableFuture().join();
            String at = "case " + i + " seed " + Long.toHexString(SEED) + " LU " + unit + " CDB "
                    + HexFormat.of().formatHex(c.cdb());
            check(r, c, at);
            statuses.merge(r.status(), 1, Integer::sum);
            r.dataIn().release();
            if (i % 512 == 0) {
                reload(lib.drives().get(0), "FUZ001L8");
            }
        }
        assertTrue(statuses.getOrDefault(ScsiStatus.GOOD, 0) > cases / 25, "some commands succeed: " + statuses);
        assertTrue(statuses.getOrDefault(ScsiStatus.CHECK_CONDITION, 0) > cases / 2, statuses.toString());
        lib.shutdown();
    }

    private static void reload(TapeDrive drive, String barcode) {
        if (drive.barcode() == null) {
            drive.insert(barcode);
        }
    }

    private static ScsiCommand randomCommand(SplittableRandom random, int opcode, int unit) {
        int groupLength = Cdb.lengthOf(opcode);
        int length = switch (random.nextInt(8)) {
            case 0 -> 1 + random.nextInt(32);
            case 1 -> 16;
            default -> groupLength > 0 ? groupLength : 6 + random.nextInt(11);
        };
        byte[] cdb = new byte[length];
        cdb[0] = (byte) opcode;
        boolean sparse = random.nextInt(4) != 0; // mostly zeros, so validation passes and handlers run
        for (int i = 1; i < length; i++) {
            if (!sparse || random.nextInt(4) == 0) {
                cdb[i] = (byte) switch (random.nextInt(6)) {
                    case 0 -> 0xff;
                    case 1 -> random.nextInt(4);
                    default -> random.nextInt(256);
                };
            }
        }
        if (sparse && groupLength > 0 && groupLength <= length) {
            cdb[groupLength - 1] = 0; // a clean control byte most of the time
        }
        byte[] out = new byte[random.nextInt(4) == 0 ? random.nextInt(4096) : random.nextInt(64)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : 0);
        }
        long lun = random.nextInt(50) == 0 ? 7 : unit;
        int expected = random.nextInt(5) == 0 ? random.nextInt(16) : random.nextInt(1 << 17);
        return new ScsiCommand(NEXUSES[random.nextInt(4) == 0 ? 1 : 0], lun, random.nextLong(), cdb, expected,
                Payload.of(ByteBuffer.wrap(out)));
    }

    private static void check(ScsiResponse r, ScsiCommand c, String at) {
        assertNotNull(r, at);
        assertTrue(r.dataIn().length() <= Math.max(0, c.expectedDataInLength()), "Data-In over allocation: " + at);
        switch (r.status()) {
            case GOOD, RESERVATION_CONFLICT -> assertEquals(0, r.sense().length, at);
            case CHECK_CONDITION -> checkSense(r.sense(), at);
            default -> fail("unexpected status " + r.status() + " " + at);
        }
    }

    private static void checkSense(byte[] s, String at) {
        assertTrue(s.length >= 8, at);
        int code = s[0] & 0x7f;
        int key;
        int asc;
        if (code == 0x70) {
            assertEquals(18, s.length, at);
            assertEquals(10, s[7], at);
            key = s[2] & 0x0f;
            asc = s[12] & 0xff;
        } else {
            assertEquals(0x72, code, at);
            assertEquals(s.length - 8, s[7] & 0xff, at);
            key = s[1] & 0x0f;
            asc = s[2] & 0xff;
        }
        assertTrue(!(key == 0x4 && asc == 0x44), "INTERNAL TARGET FAILURE (escaped exception): " + at);
    }
}
