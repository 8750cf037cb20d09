package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vtl.cli.LiveLibraryTest.moveMedium;
import static org.vtl.cli.LiveLibraryTest.settle;
import static org.vtl.cli.LiveLibraryTest.sixByte;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.appliance.Appliance;
import org.vtl.appliance.ApplianceTestConfig;

/**
 * A partition's capacity quota counts a cartridge imported into it at once, not from the next restart (the quota's
 * smallest value, 1 GiB, is too large to fill in a test, so the test reads what the quota counts).
 */
class QuotaAfterMoveTest {

    @TempDir
    Path dir;

    private TestDaemon.Result vtl(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.resolve("d").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TestDaemon.cli(Terminal.NONE, all);
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void anImportedCartridgeCountsAgainstItsNewPartitionsQuotaAtOnce() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")))) {
            try (RawLogin session = RawLogin.normal(running.portals().get(0), "iqn.2026-11.org.vtl:default")) {
                settle(session, 0);
                assertEquals(0, session.command(0, moveMedium(0x400, 0x101), new byte[0], 0).status());
                settle(session, 1);
                for (int i = 0; i < 3; i++) { // 12 KiB that do not compress
                    assertEquals(0, session.command(1, sixByte(0x0A, 4096), random(4096, i), 0).status());
                }
                assertEquals(0, session.command(1, sixByte(0x10, 1), new byte[0], 0).status());
                assertEquals(0, session.command(0, moveMedium(0x101, 0x400), new byte[0], 0).status());
            }
            TestDaemon.Result export = vtl("cartridge", "export", "VTL000L9");
            assertEquals(0, export.exit(), export.err());
            TestDaemon.Result create = vtl("partition", "create", "small", "--slots", "2", "--mail-slots", "1",
                    "--quota", "1GiB");
            assertEquals(0, create.exit(), create.err());
            assertEquals(0, running.quotaUsedBytes("small"));
            assertEquals(0, vtl("cartridge", "import", "VTL000L9", "--partition", "small").exit());
            TestDaemon.Result show = vtl("cartridge", "show", "VTL000L9", "--json");
            long stored = org.vtl.admin.Json.MAPPER.readTree(show.out()).path("storedBytes").asLong();
            assertTrue(stored >= 3 * 4096, "random data is stored raw: " + stored);
            assertEquals(stored, running.quotaUsedBytes("small"));
        }
    }
}
