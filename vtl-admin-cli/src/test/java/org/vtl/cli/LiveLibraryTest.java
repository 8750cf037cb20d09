package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.admin.Json;
import org.vtl.appliance.Appliance;
import org.vtl.appliance.ApplianceTestConfig;

/**
 * The daemon while an initiator is logged in: what the drives moved shows in {@code vtl stats}, and admin changes to
 * the inventory reach the logged-in initiator as the unit attentions a real library raises, in the same session.
 * Commands go over iSCSI on 127.0.0.1 ({@link RawLogin}); the default partition is an IBM 3584 (drives at 0101h,
 * mail slots at 0300h, storage at 0400h) with VTL000L9..VTL019L9 in its first storage slots.
 */
class LiveLibraryTest {

    private static final String DEFAULT = "iqn.2026-11.org.vtl:default";
    private static final int FIRST_DRIVE = 0x101;
    private static final int FIRST_SLOT = 0x400;
    private static final int FIRST_MAIL_SLOT = 0x300;
    private static final int STORAGE = 2;
    private static final int IMPORT_EXPORT = 3;

    @TempDir
    Path dir;

    private TestDaemon.Result vtl(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.resolve("d").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TestDaemon.cli(Terminal.NONE, all);
    }

    private JsonNode json(String... args) throws IOException {
        TestDaemon.Result r = vtl(args);
        assertEquals(0, r.exit(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    private static RawLogin login(Appliance running) throws IOException {
        return RawLogin.normal(running.portals().get(0), DEFAULT);
    }

    /** TEST UNIT READY until the unit attentions queued since login are reported; returns the last reply. */
    static RawLogin.Reply settle(RawLogin session, int lun) throws IOException {
        RawLogin.Reply r = null;
        for (int i = 0; i < 4; i++) {
            r = session.command(lun, new byte[6], new byte[0], 0);
            if (r.status() == 0) {
                return r;
            }
        }
        return r;
    }

    static byte[] moveMedium(int source, int destination) {
        return new byte[] {(byte) 0xA5, 0, 0, 0, (byte) (source >> 8), (byte) source, (byte) (destination >> 8),
            (byte) destination, 0, 0, 0, 0};
    }

    static byte[] sixByte(int opcode, int length) {
        return new byte[] {(byte) opcode, 0, (byte) (length >> 16), (byte) (length >> 8), (byte) length, 0};
    }

    /** READ ELEMENT STATUS with volume tags for one element type: barcode by address, "" when empty. */
    private static Map<Integer, String> allElements(RawLogin session, int type) throws IOException {
        byte[] cdb = {(byte) 0xB8, (byte) (0x10 | type), 0, 0, 0x04, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        RawLogin.Reply r = session.command(0, cdb, new byte[0], 0xFFFF);
        assertEquals(0, r.status(), r.senseCode());
        byte[] d = r.data();
        int descriptorLength = (d[10] & 0xff) << 8 | d[11] & 0xff;
        int end = 16 + ((d[13] & 0xff) << 16 | (d[14] & 0xff) << 8 | d[15] & 0xff);
        Map<Integer, String> all = new TreeMap<>();
        for (int at = 16; at + descriptorLength <= Math.min(end, d.length); at += descriptorLength) {
            boolean full = (d[at + 2] & 0x01) != 0;
            all.put((d[at] & 0xff) << 8 | d[at + 1] & 0xff,
                    full ? new String(d, at + 12, 36, StandardCharsets.US_ASCII).trim() : "");
        }
        return all;
    }

    /** TEST UNIT READY until GOOD: the sense codes of the unit attentions reported on the way, in order. */
    private static java.util.List<String> attentions(RawLogin session, int lun) throws IOException {
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RawLogin.Reply r = session.command(lun, new byte[6], new byte[0], 0);
            if (r.status() == 0) {
                return seen;
            }
            seen.add(r.senseCode());
        }
        return seen;
    }

    /** REPORT LUNS (SPC-5 6.33) to LUN 0: the LUNs of the target. */
    private static java.util.List<Integer> reportLuns(RawLogin session) throws IOException {
        byte[] cdb = {(byte) 0xA0, 0, 0, 0, 0, 0, 0, 0, 0x04, 0, 0, 0};
        RawLogin.Reply r = session.command(0, cdb, new byte[0], 1024);
        assertEquals(0, r.status(), r.senseCode());
        java.util.List<Integer> luns = new java.util.ArrayList<>();
        int length = java.nio.ByteBuffer.wrap(r.data()).getInt(0);
        for (int at = 8; at < 8 + length; at += 8) {
            luns.add((r.data()[at] & 0x3f) << 8 | r.data()[at + 1] & 0xff);
        }
        return luns;
    }

    /** The full elements of one type: barcode by address. */
    private static Map<Integer, String> elements(RawLogin session, int type) throws IOException {
        Map<Integer, String> full = new TreeMap<>(allElements(session, type));
        full.values().removeIf(String::isEmpty);
        return full;
    }

    /** Loads VTL000L9 into drive 0 and writes three 4 KiB blocks of zeros and a filemark (the durability point). */
    private static void writeThreeBlocks(RawLogin session) throws IOException {
        settle(session, 0);
        assertEquals(0, session.command(0, moveMedium(FIRST_SLOT, FIRST_DRIVE), new byte[0], 0).status());
        settle(session, 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, session.command(1, sixByte(0x0A, 4096), new byte[4096], 0).status());
        }
        assertEquals(0, session.command(1, sixByte(0x10, 1), new byte[0], 0).status());
    }

    @Test
    void statsShowWhatEachDriveWroteAndReadAndHowItCompressed() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            writeThreeBlocks(session);
            assertEquals(0, session.command(1, sixByte(0x01, 0), new byte[0], 0).status());
            assertEquals(0, session.command(1, sixByte(0x08, 4096), new byte[0], 4096).status());
            JsonNode drive = json("stats", "--json").path("drives").get(0);
            assertEquals("default", drive.path("partition").asText());
            assertEquals(0, drive.path("index").asInt());
            assertEquals(3 * 4096, drive.path("writtenBytes").asLong());
            assertEquals(3, drive.path("blocksWritten").asLong());
            assertEquals(4096, drive.path("readBytes").asLong());
            assertEquals(1, drive.path("blocksRead").asLong());
            long stored = drive.path("storedBytes").asLong();
            assertTrue(stored > 0 && stored < 3 * 4096, "zeros compress: " + stored);
            assertEquals(3.0 * 4096 / stored, drive.path("compressionRatio").asDouble(), 1e-9);
            assertEquals(0, json("stats", "--json").path("drives").get(1).path("writtenBytes").asLong());
        }
    }

    @Test
    void statsTableHasARowPerDrive() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            writeThreeBlocks(session);
            TestDaemon.Result r = vtl("stats");
            assertEquals(0, r.exit(), r.err());
            String[] lines = r.out().split("\n");
            assertTrue(lines[3].startsWith("PARTITION  DRIVE  WRITTEN  READ  STORED  BLOCKS W  BLOCKS R  WRITE/s"),
                    lines[3]);
            assertTrue(lines[4].startsWith("default    0      12.3 kB  0 B   "), lines[4]);
            assertTrue(lines[5].startsWith("default    1      0 B      0 B   0 B     0         0  "), lines[5]);
        }
    }

    @Test
    void driveMetersArePublishedPerPartitionAndDrive() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            writeThreeBlocks(session);
            String scrape = running.meters().scrape();
            assertTrue(scrape.contains("vtl_drive_host_written_bytes_total{drive=\"0\",partition=\"default\"} 12288.0"),
                    scrape);
            assertTrue(scrape.contains("vtl_drive_blocks_written_total{drive=\"0\",partition=\"default\"} 3.0"));
            assertTrue(scrape.contains("vtl_drive_compression_ratio{drive=\"0\",partition=\"default\"}"));
        }
    }

    @Test
    void importIntoAMailSlotRaisesImportOrExportElementAccessedOnceInTheLoggedInSession() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            assertEquals(0, vtl("cartridge", "export", "VTL019L9").exit());
            assertEquals(0, settle(session, 0).status());
            assertEquals(0, vtl("cartridge", "import", "VTL019L9", "--partition", "default").exit());
            assertEquals("6/28/01", session.command(0, new byte[6], new byte[0], 0).senseCode());
            assertEquals(0, session.command(0, new byte[6], new byte[0], 0).status(), "reported once");
            assertEquals(Map.of(FIRST_MAIL_SLOT, "VTL019L9"), elements(session, IMPORT_EXPORT));
        }
    }

    @Test
    void exportFromAStorageSlotRaisesNotReadyToReadyChangeAndEmptiesTheSlot() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            assertEquals(0, settle(session, 0).status());
            assertEquals(0, vtl("cartridge", "export", "VTL019L9").exit());
            assertEquals("6/28/00", session.command(0, new byte[6], new byte[0], 0).senseCode());
            assertEquals(0, session.command(0, new byte[6], new byte[0], 0).status(), "reported once");
            Map<Integer, String> storage = elements(session, STORAGE);
            assertEquals(19, storage.size());
            assertEquals("VTL018L9", storage.get(FIRST_SLOT + 18));
        }
    }

    @Test
    void cartridgesCreatedIntoSlotsAppearInTheLoggedInSessionAfterNotReadyToReadyChange() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            assertEquals(0, settle(session, 0).status());
            assertEquals(0, vtl("cartridge", "create", "--partition", "default", "--barcodes", "NEW000L9-NEW001L9")
                    .exit());
            assertEquals("6/28/00", session.command(0, new byte[6], new byte[0], 0).senseCode());
            assertEquals(0, session.command(0, new byte[6], new byte[0], 0).status(), "reported once");
            Map<Integer, String> storage = elements(session, STORAGE);
            assertEquals("NEW000L9", storage.get(FIRST_SLOT + 20));
            assertEquals("NEW001L9", storage.get(FIRST_SLOT + 21));
        }
    }

    @Test
    void slotResizeKeepsTheSessionAndRaisesModeParametersChangedThenNotReadyToReadyChange() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            assertEquals(0, settle(session, 0).status());
            TestDaemon.Result resize = vtl("slot", "resize", "--partition", "default", "--slots", "30", "--mail-slots",
                    "2");
            assertEquals(0, resize.exit(), resize.err());
            assertEquals("6/2A/01", session.command(0, new byte[6], new byte[0], 0).senseCode());
            assertEquals("6/28/00", session.command(0, new byte[6], new byte[0], 0).senseCode());
            assertEquals(0, session.command(0, new byte[6], new byte[0], 0).status(), "each reported once");
            Map<Integer, String> storage = allElements(session, STORAGE);
            assertEquals(30, storage.size());
            assertEquals("VTL019L9", storage.get(FIRST_SLOT + 19));
            assertEquals(2, allElements(session, IMPORT_EXPORT).size());
        }
    }

    @Test
    void slotResizeRefusedForAFullSlotChangesNothing() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            assertEquals(0, settle(session, 0).status());
            TestDaemon.Result shrink = vtl("slot", "resize", "--partition", "default", "--slots", "19");
            assertEquals(1, shrink.exit());
            assertEquals("vtl: element 1043 of partition default holds VTL019L9; move or export it before shrinking "
                    + "to 19 slots and 4 import/export slots\n", shrink.err());
            assertEquals(0, session.command(0, new byte[6], new byte[0], 0).status(), "no unit attention");
            assertEquals(24, allElements(session, STORAGE).size());
        }
    }

    @Test
    void driveAddKeepsTheSessionAndReportsTheNewLun() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            assertEquals(0, settle(session, 0).status());
            TestDaemon.Result add = vtl("drive", "add", "--partition", "default");
            assertEquals(0, add.exit(), add.err());
            assertEquals(java.util.List.of("6/2A/01", "6/28/00", "6/3F/0E"), attentions(session, 0));
            assertEquals(java.util.List.of(0, 1, 2, 3), reportLuns(session));
            assertEquals(3, allElements(session, 4).size(), "three data transfer elements");
            assertEquals("2/3A/00", attentions(session, 3).getLast(), "the new drive answers, empty");
        }
    }

    @Test
    void driveRemoveKeepsTheSessionAndTheLunIsGone() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            assertEquals(0, settle(session, 0).status());
            TestDaemon.Result remove = vtl("drive", "remove", "--partition", "default", "--drive", "1");
            assertEquals(0, remove.exit(), remove.err());
            assertEquals(java.util.List.of("6/2A/01", "6/28/00", "6/3F/0E"), attentions(session, 0));
            assertEquals(java.util.List.of(0, 1), reportLuns(session));
            assertEquals(1, allElements(session, 4).size(), "one data transfer element");
            assertEquals("5/25/00", session.command(2, new byte[6], new byte[0], 0).senseCode());
        }
    }

    @Test
    void driveRemoveIsRefusedWhileItHoldsACartridge() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            settle(session, 0);
            assertEquals(0, session.command(0, moveMedium(FIRST_SLOT, FIRST_DRIVE + 1), new byte[0], 0).status());
            TestDaemon.Result remove = vtl("drive", "remove", "--partition", "default", "--drive", "1");
            assertEquals(1, remove.exit());
            assertEquals("vtl: drive 1 holds cartridge VTL000L9; unload it first or use --force to put it back in a "
                    + "storage slot\n", remove.err());
            assertEquals(java.util.List.of(0, 1, 2), reportLuns(session));
        }
    }

    @Test
    void forcedDriveRemovePutsItsCartridgeBackInASlot() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(dir.resolve("d")));
             RawLogin session = login(running)) {
            settle(session, 0);
            assertEquals(0, session.command(0, moveMedium(FIRST_SLOT, FIRST_DRIVE + 1), new byte[0], 0).status());
            assertEquals(0, vtl("drive", "remove", "--partition", "default", "--drive", "1", "--force").exit());
            attentions(session, 0);
            assertEquals("VTL000L9", elements(session, STORAGE).get(FIRST_SLOT));
            assertEquals("STORAGE_SLOT", json("cartridge", "show", "VTL000L9", "--json").path("location").asText());
        }
    }
}
