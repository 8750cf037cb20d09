package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.admin.CartridgeView;
import org.vtl.admin.Json;
import org.vtl.admin.PartitionView;
import org.vtl.admin.PoolView;
import org.vtl.appliance.Appliance;
import org.vtl.appliance.ApplianceTestConfig;

/**
 * The CLI against the real daemon on a temporary data directory: act, restart, check the catalog kept every change.
 * Starts with the acceptance script of issue 8.
 */
class RealDaemonCliTest {

    @TempDir
    Path dir;

    private TestDaemon.Result vtl(Path data, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TestDaemon.cli(Terminal.NONE, all);
    }

    private JsonNode json(TestDaemon.Result r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void acceptanceScriptWorksAndSurvivesARestart() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data))) {
            assertEquals(0, vtl(data, "partition", "create", "backup2", "--drives", "2", "--slots", "30",
                    "--mail-slots", "2").exit());
            assertEquals(0, vtl(data, "cartridge", "create", "--partition", "backup2", "--barcodes",
                    "ZZA000L9-ZZA009L9", "--media", "LTO9").exit());
            JsonNode list = json(vtl(data, "cartridge", "list", "--partition", "backup2", "--json"));
            JsonShape.assertShape(list, JsonShape.listOf(CartridgeView.class), "$");
            assertEquals(10, list.size());
            JsonShape.assertShape(json(vtl(data, "pool", "status", "--json")), PoolView.class, "$");
        }
        try (Appliance restarted = Appliance.start(ApplianceTestConfig.small(data))) {
            var target = restarted.targets().find("iqn.2026-11.org.vtl:backup2").orElseThrow();
            assertEquals(java.util.Set.of(0L, 1L, 2L), target.luns().keySet(), "changer on LUN 0, drives on 1 and 2");
            assertTrue(restarted.targets().find("iqn.2026-11.org.vtl:default").isPresent());
            JsonNode p = json(vtl(data, "partition", "show", "backup2", "--json"));
            JsonShape.assertShape(p, PartitionView.class, "$");
            assertEquals("iqn.2026-11.org.vtl:backup2", p.path("config").path("iqn").asText());
            assertEquals(10, p.path("cartridges").asLong());
            JsonNode list = json(vtl(data, "cartridge", "list", "--partition", "backup2", "--json"));
            assertEquals(10, list.size());
            assertEquals("ZZA009L9", list.get(9).path("barcode").asText());
            assertEquals(0x400 + 9, list.get(9).path("element").asInt());
        }
    }

    @Test
    void everyChangeIsKeptAcrossARestart() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data))) {
            assertEquals(0, vtl(data, "partition", "create", "vault2", "--slots", "10", "--mail-slots", "1",
                    "--drive-vendor", "HP").exit());
            assertEquals(0, vtl(data, "drive", "add", "--partition", "vault2", "--count", "2").exit());
            assertEquals(0, vtl(data, "drive", "remove", "--partition", "vault2", "--drive", "3").exit());
            assertEquals(0, vtl(data, "slot", "resize", "--partition", "vault2", "--slots", "12", "--mail-slots", "2")
                    .exit());
            assertEquals(0, vtl(data, "partition", "set", "vault2", "--changer", "STK_L700", "--quota", "2TB").exit());
            assertEquals(0, vtl(data, "cartridge", "write-protect", "VTL000L9", "on").exit());
            assertEquals(0, vtl(data, "cartridge", "export", "VTL001L9").exit());
            assertEquals(0, vtl(data, "cartridge", "import", "VTL001L9", "--partition", "vault2").exit());
            assertEquals(0, vtl(data, "cartridge", "delete", "VTL002L9", "--yes").exit());
            assertEquals(0, vtl(data, "partition", "create", "scratch", "--slots", "2").exit());
            assertEquals(0, vtl(data, "cartridge", "create", "--partition", "scratch", "--barcodes", "SCR000L9").exit());
            assertEquals(0, vtl(data, "partition", "delete", "scratch", "--yes", "--force").exit());
        }
        try (Appliance restarted = Appliance.start(ApplianceTestConfig.small(data))) {
            JsonNode c = json(vtl(data, "partition", "show", "vault2", "--json")).path("config");
            assertEquals(3, c.path("drives").asInt());
            assertEquals(12, c.path("slots").asInt());
            assertEquals(2, c.path("importExportSlots").asInt());
            assertEquals("STK_L700", c.path("changer").asText());
            assertEquals("HP", c.path("driveVendor").asText());
            assertEquals("2TB", c.path("quota").asText());
            JsonNode drives = json(vtl(data, "drive", "list", "--partition", "vault2", "--json"));
            assertEquals(500, drives.get(0).path("elementAddress").asInt(), "STK L700 drives start at 500");
            assertEquals(10, drives.get(0).path("serial").asText().length());
            assertTrue(json(vtl(data, "cartridge", "show", "VTL000L9", "--json")).path("writeProtected").asBoolean());
            JsonNode imported = json(vtl(data, "cartridge", "show", "VTL001L9", "--json"));
            assertEquals("vault2", imported.path("partition").asText());
            assertEquals("IMPORT_EXPORT_SLOT", imported.path("location").asText());
            assertEquals(10, imported.path("element").asInt(), "STK L700 mail slots start at 10");
            assertEquals(1, vtl(data, "cartridge", "show", "VTL002L9").exit());
            assertEquals(18, json(vtl(data, "cartridge", "list", "--partition", "default", "--json")).size());
            assertEquals(1, vtl(data, "partition", "show", "scratch").exit());
            JsonNode shelved = json(vtl(data, "cartridge", "show", "SCR000L9", "--json"));
            assertEquals("VAULT", shelved.path("location").asText());
            assertTrue(shelved.path("partition").isNull());
        }
    }

    private static String iqn(Appliance running) {
        return running.targets().targets().iterator().next().iqn();
    }

    @Test
    void partitionShowCountsTheSessionsLoggedIn() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data));
             RawLogin first = RawLogin.normal(running.portals().get(0), iqn(running));
             RawLogin second = RawLogin.normal(running.portals().get(0), iqn(running))) {
            assertEquals(2, json(vtl(data, "partition", "show", "default", "--json")).path("sessions").asInt());
            assertEquals(2, json(vtl(data, "partition", "list", "--json")).get(0).path("sessions").asInt());
        }
    }

    @Test
    void partitionDeleteIsRefusedWhileSessionsAreLoggedIn() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data))) {
            assertEquals(0, vtl(data, "partition", "create", "empty", "--slots", "10").exit());
            try (RawLogin session = RawLogin.normal(running.portals().get(0), "iqn.2026-11.org.vtl:empty")) {
                TestDaemon.Result delete = vtl(data, "partition", "delete", "empty", "--yes");
                assertEquals(1, delete.exit());
                assertEquals("vtl: partition empty has 1 iSCSI session logged in; log them out or use --force to "
                        + "drop them\n", delete.err());
            }
        }
    }

    @Test
    void partitionDeleteWithForceRemovesTheTargetAndItsSessions() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data))) {
            assertEquals(0, vtl(data, "partition", "create", "empty", "--slots", "10").exit());
            try (RawLogin session = RawLogin.normal(running.portals().get(0), "iqn.2026-11.org.vtl:empty")) {
                assertEquals(0, vtl(data, "partition", "delete", "empty", "--yes", "--force").exit());
                assertTrue(running.targets().find("iqn.2026-11.org.vtl:empty").isEmpty());
                assertTrue(session.closedByTarget());
            }
        }
    }

    @Test
    void refusalsOfTheRealDaemonAreOneLine() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data))) {
            TestDaemon.Result delete = vtl(data, "partition", "delete", "default", "--yes");
            assertEquals(1, delete.exit());
            assertEquals("vtl: partition default still has 20 cartridges; export or delete them, or use --force to "
                    + "move them to the vault shelf\n", delete.err());
            TestDaemon.Result full = vtl(data, "cartridge", "create", "--partition", "default", "--barcodes",
                    "AAA000L9-AAA009L9");
            assertEquals(1, full.exit());
            assertEquals("vtl: job 1 failed: partition default has 4 free storage slots of 24 for 10 cartridges; "
                    + "vtl slot resize adds slots\n", full.err());
            TestDaemon.Result exists = vtl(data, "cartridge", "create", "--partition", "default", "--barcodes",
                    "VTL000L9");
            assertEquals("vtl: job 2 failed: cartridge VTL000L9 exists; vtl cartridge show VTL000L9\n", exists.err());
            TestDaemon.Result shrink = vtl(data, "slot", "resize", "--partition", "default", "--slots", "10");
            assertEquals("vtl: element 1034 of partition default holds VTL010L9; move or export it before shrinking "
                    + "to 10 slots and 4 import/export slots\n", shrink.err());
            TestDaemon.Result label = vtl(data, "cartridge", "create", "--partition", "default", "--barcodes", "AB1L9");
            assertEquals(1, label.exit());
            assertTrue(label.err().startsWith("vtl: job 3 failed: AB1L9 is not an LTO9 label"), label.err());
            assertEquals(0, vtl(data, "partition", "delete", "default", "--yes", "--force").exit());
            JsonNode shelved = json(vtl(data, "cartridge", "list", "--location", "vault", "--json"));
            assertEquals(20, shelved.size());
        }
    }

    @Test
    void refusalsCountOneThingInTheSingular() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data))) {
            assertEquals(0, vtl(data, "partition", "create", "one", "--slots", "1").exit());
            assertEquals(0, vtl(data, "cartridge", "create", "--partition", "one", "--barcodes", "ONE000L9").exit());
            TestDaemon.Result delete = vtl(data, "partition", "delete", "one", "--yes");
            assertEquals("vtl: partition one still has 1 cartridge; export or delete them, or use --force to move "
                    + "them to the vault shelf\n", delete.err());
            TestDaemon.Result full = vtl(data, "cartridge", "create", "--partition", "one", "--barcodes", "ONE001L9");
            assertEquals("vtl: job 2 failed: partition one has 0 free storage slots of 1 for 1 cartridge; "
                    + "vtl slot resize adds slots\n", full.err());
        }
    }
}
