package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.admin.DriveView;
import org.vtl.admin.Json;
import org.vtl.admin.PartitionView;

class PartitionCommandTest {

    @TempDir
    Path dir;
    TestDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = new TestDaemon(dir);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    private JsonNode json(TestDaemon.Result r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void createWithTheAcceptanceOptionsMakesThePartition() throws Exception {
        TestDaemon.Result r = daemon.run("partition", "create", "backup2", "--drives", "2", "--slots", "30",
                "--mail-slots", "2");
        assertEquals(0, r.exit(), r.err());
        assertEquals("created partition backup2: target iqn.2026-11.org.vtl:backup2\n", r.out());
        JsonNode p = json(daemon.run("partition", "show", "backup2", "--json"));
        JsonShape.assertShape(p, PartitionView.class, "$");
        assertEquals(2, p.path("config").path("drives").asInt());
        assertEquals(30, p.path("config").path("slots").asInt());
        assertEquals(2, p.path("config").path("importExportSlots").asInt());
    }

    @Test
    void createTakesEveryPartitionKey() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "twelve-chars\n");
        JsonNode p = json(daemon.run("partition", "create", "vault", "--iqn", "iqn.2026-11.com.example:vault",
                "--changer", "stk_l700", "--drive-generation", "LTO8", "--drive-vendor", "HP", "--quota", "10TB",
                "--chap-user", "backup", "--chap-secret-file", secret.toString(),
                "--allow-initiator", "iqn.1993-08.org.debian:01:abc", "--json"));
        JsonNode c = p.path("config");
        assertEquals("iqn.2026-11.com.example:vault", c.path("iqn").asText());
        assertEquals("STK_L700", c.path("changer").asText());
        assertEquals("LTO8", c.path("driveGeneration").asText());
        assertEquals("HP", c.path("driveVendor").asText());
        assertEquals("10TB", c.path("quota").asText());
        assertEquals("backup", c.path("chap").path("user").asText());
        assertEquals("iqn.1993-08.org.debian:01:abc", c.path("allowedInitiators").get(0).asText());
    }

    @Test
    void chapSecretIsNeverShown() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "twelve-chars\n");
        daemon.run("partition", "create", "a", "--chap-user", "u", "--chap-secret-file", secret.toString());
        TestDaemon.Result r = daemon.run("partition", "show", "a", "--json");
        assertTrue(!r.out().contains("twelve-chars"), r.out());
        assertTrue(r.out().contains("********"), r.out());
    }

    @Test
    void createBreakingAConfigurationRuleIsRefusedWithTheRule() {
        TestDaemon.Result r = daemon.run("partition", "create", "bad", "--drives", "0");
        assertEquals(1, r.exit());
        assertEquals("vtl: partition.drives: must be between 1 and 64, was 0\n", r.err());
    }

    @Test
    void createOfAnExistingPartitionIsRefused() {
        daemon.run("partition", "create", "a");
        TestDaemon.Result r = daemon.run("partition", "create", "a");
        assertEquals(1, r.exit());
        assertEquals("vtl: partition a exists\n", r.err());
    }

    @Test
    void listShowsATableAndJson() throws Exception {
        daemon.run("partition", "create", "a");
        daemon.run("partition", "create", "b", "--drives", "3");
        TestDaemon.Result table = daemon.run("partition", "list");
        assertEquals(0, table.exit());
        String[] lines = table.out().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("NAME  TARGET"), lines[0]);
        assertTrue(lines[2].startsWith("b     iqn.2026-11.org.vtl:b  IBM_03584L32  3 x LTO9"), lines[2]);
        JsonNode list = json(daemon.run("partition", "list", "--json"));
        JsonShape.assertShape(list, JsonShape.listOf(PartitionView.class), "$");
        assertEquals(2, list.size());
    }

    @Test
    void setChangesOnlyTheGivenKeys() throws Exception {
        daemon.run("partition", "create", "a", "--drives", "3");
        JsonNode p = json(daemon.run("partition", "set", "a", "--changer", "STK_L700", "--quota", "5TB", "--json"));
        assertEquals("STK_L700", p.path("config").path("changer").asText());
        assertEquals("5TB", p.path("config").path("quota").asText());
        assertEquals(3, p.path("config").path("drives").asInt());
        JsonNode cleared = json(daemon.run("partition", "set", "a", "--no-quota", "--json"));
        assertTrue(cleared.path("config").path("quota").isNull());
    }

    @Test
    void setWithNothingToChangeIsAUsageError() {
        daemon.run("partition", "create", "a");
        TestDaemon.Result r = daemon.run("partition", "set", "a");
        assertEquals(2, r.exit());
        assertEquals("vtl: nothing to change; see: vtl partition set --help\n", r.err());
    }

    @Test
    void deleteWithoutYesAndWithoutATerminalIsRefused() {
        daemon.run("partition", "create", "a");
        TestDaemon.Result r = daemon.run("partition", "delete", "a");
        assertEquals(1, r.exit());
        assertEquals("vtl: deleting partition a cannot be undone; add --yes to confirm (no terminal to ask on)\n",
                r.err());
        assertEquals(0, daemon.run("partition", "show", "a").exit());
    }

    @Test
    void deleteAsksOnATerminalAndNoKeepsThePartition() {
        daemon.run("partition", "create", "a");
        TestDaemon.Result r = daemon.runWith(new Answering("n"), "partition", "delete", "a");
        assertEquals(1, r.exit());
        assertEquals("vtl: not confirmed; nothing changed\n", r.err());
        assertEquals(0, daemon.run("partition", "show", "a").exit());
        assertEquals(0, daemon.runWith(new Answering("y"), "partition", "delete", "a").exit());
        assertEquals(1, daemon.run("partition", "show", "a").exit());
    }

    @Test
    void deleteWithCartridgesIsRefusedUnlessForced() {
        daemon.run("partition", "create", "a");
        daemon.run("cartridge", "create", "--partition", "a", "--barcodes", "AAA000L9-AAA001L9");
        TestDaemon.Result r = daemon.run("partition", "delete", "a", "--yes");
        assertEquals(1, r.exit());
        assertEquals("vtl: partition a still has 2 cartridges; export or delete them, or use --force to shelve them\n",
                r.err());
        assertEquals(0, daemon.run("partition", "delete", "a", "--yes", "--force").exit());
    }

    @Test
    void showOfAnUnknownPartitionIsRefused() {
        TestDaemon.Result r = daemon.run("partition", "show", "nope");
        assertEquals(1, r.exit());
        assertEquals("vtl: no partition nope; vtl partition list shows them\n", r.err());
    }

    @Test
    void driveAddListAndRemove() throws Exception {
        daemon.run("partition", "create", "a", "--drives", "1");
        JsonNode added = json(daemon.run("drive", "add", "--partition", "a", "--count", "2", "--json"));
        JsonShape.assertShape(added, JsonShape.listOf(DriveView.class), "$");
        assertEquals(2, added.size());
        JsonNode drives = json(daemon.run("drive", "list", "--partition", "a", "--json"));
        assertEquals(3, drives.size());
        assertEquals(0, daemon.run("drive", "remove", "--partition", "a", "--drive", "2").exit());
        assertEquals(2, json(daemon.run("drive", "list", "--partition", "a", "--json")).size());
    }

    @Test
    void removingALoadedDriveIsRefusedUnlessForced() {
        daemon.run("partition", "create", "a");
        daemon.run("cartridge", "create", "--partition", "a", "--barcodes", "AAA000L9");
        daemon.library.load("a", 1, "AAA000L9");
        TestDaemon.Result r = daemon.run("drive", "remove", "--partition", "a", "--drive", "1");
        assertEquals(1, r.exit());
        assertEquals("vtl: drive 1 holds cartridge AAA000L9; unload it first or use --force\n", r.err());
        assertEquals(0, daemon.run("drive", "remove", "--partition", "a", "--drive", "1", "--force").exit());
    }

    @Test
    void slotResizeGrowsAndRefusesToDropOccupiedSlots() throws Exception {
        daemon.run("partition", "create", "a", "--slots", "10");
        daemon.run("cartridge", "create", "--partition", "a", "--barcodes", "AAA000L9-AAA004L9");
        TestDaemon.Result grown = daemon.run("slot", "resize", "--partition", "a", "--slots", "40", "--mail-slots", "8");
        assertEquals("partition a has 40 storage slots and 8 import/export slots\n", grown.out());
        TestDaemon.Result r = daemon.run("slot", "resize", "--partition", "a", "--slots", "3");
        assertEquals(1, r.exit());
        assertEquals("vtl: partition a holds 5 cartridges in storage slots; it cannot shrink to 3\n", r.err());
    }

    @Test
    void slotResizeWithoutNumbersIsAUsageError() {
        TestDaemon.Result r = daemon.run("slot", "resize", "--partition", "a");
        assertEquals(2, r.exit());
    }

    /** A terminal that answers every question with one line. */
    record Answering(String answer) implements Terminal {
        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public String ask(String prompt) {
            return answer;
        }
    }
}
