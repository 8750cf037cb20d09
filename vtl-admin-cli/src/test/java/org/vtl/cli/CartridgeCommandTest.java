package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.admin.CartridgeView;
import org.vtl.admin.Json;
import org.vtl.admin.JobView;

class CartridgeCommandTest {

    @TempDir
    Path dir;
    TestDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = new TestDaemon(dir);
        daemon.run("partition", "create", "backup2", "--drives", "2", "--slots", "30", "--mail-slots", "2");
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
    void createWaitsForItsJobAndTheCartridgesAreListed() throws Exception {
        TestDaemon.Result r = daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes",
                "ZZA000L9-ZZA009L9", "--media", "LTO9");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("job 1 succeeded: create cartridges ZZA000L9-ZZA009L9 in partition backup2 "
                + "(10 items)\n"), r.out());
        JsonNode list = json(daemon.run("cartridge", "list", "--partition", "backup2", "--json"));
        JsonShape.assertShape(list, JsonShape.listOf(CartridgeView.class), "$");
        assertEquals(10, list.size());
        assertEquals("ZZA000L9", list.get(0).path("barcode").asText());
        assertEquals(18_000_000_000_000L, list.get(0).path("capacityBytes").asLong());
        assertEquals("STORAGE_SLOT", list.get(0).path("location").asText());
    }

    @Test
    void createWithJsonPrintsOnlyTheFinishedJob() throws Exception {
        JsonNode job = json(daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "A00L9-A01L9",
                "--json"));
        JsonShape.assertShape(job, JobView.class, "$");
        assertEquals("SUCCEEDED", job.path("state").asText());
        assertEquals(2, job.path("done").asLong());
        assertEquals(2, job.path("result").size());
    }

    @Test
    void createWithNoWaitPrintsTheJobId() {
        TestDaemon.Result r = daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "A00L9",
                "--no-wait");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("job 1 started: create cartridges A00L9 in partition backup2"), r.out());
    }

    @Test
    void createShowsPlainProgressLinesWithoutATerminal() {
        TestDaemon.Result r = daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "A00L9-A09L9");
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("job 1")), r.out());
        assertTrue(!r.out().contains("\r"), r.out());
    }

    @Test
    void createWithABadRangeIsRefusedWithTheRule() {
        TestDaemon.Result r = daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes",
                "ZZA009L9-ZZA000L9");
        assertEquals(1, r.exit());
        assertEquals("vtl: cartridges.barcodes: first barcode must not come after the last, was "
                + "\"ZZA009L9-ZZA000L9\"\n", r.err());
    }

    @Test
    void createOfMediaTheDrivesCannotWriteIsRefused() {
        TestDaemon.Result r = daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "A00L7",
                "--media", "LTO7");
        assertEquals(1, r.exit());
        assertEquals("vtl: cartridges.media: LTO9 drives cannot write LTO7 media (they write LTO8 and LTO9)\n", r.err());
    }

    @Test
    void createBeyondTheFreeSlotsFailsItsJob() {
        TestDaemon.Result r = daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "A00L9-A40L9");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("vtl: job 1 failed: partition backup2 has 30 free slots for 41 cartridges"),
                r.err());
    }

    @Test
    void createWithAnUnknownMediaIsAUsageError() {
        TestDaemon.Result r = daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "A00L9",
                "--media", "DLT");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("vtl: Invalid value for option '--media'"), r.err());
    }

    @Test
    void listFiltersByBarcodePatternAndLocation() throws Exception {
        daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "AAA000L9-AAA004L9");
        daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "BBB000L9-BBB001L9");
        assertEquals(2, json(daemon.run("cartridge", "list", "--barcode", "BBB*", "--json")).size());
        daemon.run("cartridge", "export", "AAA001L9");
        JsonNode vault = json(daemon.run("cartridge", "list", "--location", "vault", "--json"));
        assertEquals(1, vault.size());
        assertEquals("AAA001L9", vault.get(0).path("barcode").asText());
    }

    @Test
    void exportThenImportGoesThroughTheVaultIntoAMailSlot() throws Exception {
        daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "AAA000L9");
        JsonNode exported = json(daemon.run("cartridge", "export", "AAA000L9", "--json"));
        assertEquals("VAULT", exported.path("location").asText());
        assertTrue(exported.path("partition").isNull());
        TestDaemon.Result imported = daemon.run("cartridge", "import", "AAA000L9", "--partition", "backup2");
        assertEquals("imported AAA000L9 into a mail slot of backup2 (element 16)\n", imported.out());
        JsonNode shown = json(daemon.run("cartridge", "show", "AAA000L9", "--json"));
        JsonShape.assertShape(shown, CartridgeView.class, "$");
        assertEquals("IMPORT_EXPORT_SLOT", shown.path("location").asText());
    }

    @Test
    void writeProtectOnAndOff() throws Exception {
        daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "AAA000L9");
        assertTrue(json(daemon.run("cartridge", "write-protect", "AAA000L9", "on", "--json"))
                .path("writeProtected").asBoolean());
        assertEquals("AAA000L9 write-protect off\n", daemon.run("cartridge", "write-protect", "AAA000L9", "off").out());
    }

    @Test
    void eraseAndDeleteNeedConfirmation() {
        daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "AAA000L9");
        assertEquals(1, daemon.run("cartridge", "erase", "AAA000L9").exit());
        assertEquals(1, daemon.run("cartridge", "delete", "AAA000L9").exit());
        assertEquals(0, daemon.run("cartridge", "erase", "AAA000L9", "--yes").exit());
        assertEquals(0, daemon.run("cartridge", "delete", "AAA000L9", "--yes").exit());
        TestDaemon.Result gone = daemon.run("cartridge", "show", "AAA000L9");
        assertEquals(1, gone.exit());
        assertEquals("vtl: no cartridge AAA000L9\n", gone.err());
    }

    @Test
    void deletingALoadedCartridgeIsRefused() {
        daemon.run("cartridge", "create", "--partition", "backup2", "--barcodes", "AAA000L9");
        daemon.library.load("backup2", 0, "AAA000L9");
        TestDaemon.Result r = daemon.run("cartridge", "delete", "AAA000L9", "--yes");
        assertEquals(1, r.exit());
        assertEquals("vtl: cartridge AAA000L9 is loaded in a drive; unload it first\n", r.err());
    }
}
