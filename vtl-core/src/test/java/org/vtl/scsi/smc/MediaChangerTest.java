package org.vtl.scsi.smc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vtl.scsi.TestInitiator.asc;
import static org.vtl.scsi.TestInitiator.ascq;
import static org.vtl.scsi.TestInitiator.data;
import static org.vtl.scsi.TestInitiator.hex;
import static org.vtl.scsi.TestInitiator.senseKey;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtl.library.Element;
import org.vtl.library.LibraryError;
import org.vtl.library.LibraryException;
import org.vtl.library.memory.MemoryLibraryStateStore;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;

class MediaChangerTest {

    private ChangerFixture f;
    private TestInitiator host;

    @BeforeEach
    void setUp() throws LibraryException {
        f = new ChangerFixture();
        f.changer.addToStorage("ABC001L8");
        f.changer.addToStorage("ABC002L8");
        host = new TestInitiator(f.changer, "host").clearUnitAttentions();
    }

    private ScsiResponse move(int source, int destination) {
        return host.send(0xA5, 0, 0x00, 0x01, source >> 8, source & 0xff, destination >> 8, destination & 0xff,
                0, 0, 0, 0);
    }

    private ScsiResponse readElementStatus(int typeAndVoltag, int start, int count, int dvcid, int allocation) {
        return host.send(0xB8, typeAndVoltag, start >> 8, start & 0xff, count >> 8, count & 0xff, dvcid,
                allocation >> 16, (allocation >> 8) & 0xff, allocation & 0xff, 0, 0);
    }

    private static void assertSense(ScsiResponse r, int key, int asc, int ascq) {
        assertEquals(ScsiStatus.CHECK_CONDITION, r.status());
        assertEquals(key, senseKey(r), "sense key");
        assertEquals(asc, asc(r), "ASC");
        assertEquals(ascq, ascq(r), "ASCQ");
    }

    @Test
    void readElementStatusHeaderCountsAllElementsAndFullByteCount() {
        byte[] d = data(readElementStatus(0x10, 0, 0xffff, 0, 0xffff));
        // first element 0001h, 11 elements, 4 pages of 8 bytes + 11 descriptors of 48 bytes = 560 = 000230h
        assertEquals("0001000b00000230", hex(java.util.Arrays.copyOf(d, 8)));
        assertEquals(8 + 560, d.length);
    }

    @Test
    void readElementStatusStoragePageCarriesBlankPaddedVolumeTag() {
        byte[] d = data(readElementStatus(0x12, 0x0400, 1, 0, 0xffff));
        // page header: type 2, PVOLTAG, descriptor length 48, 48 bytes of descriptors
        assertEquals("0280003000000030", hex(java.util.Arrays.copyOfRange(d, 8, 16)));
        String descriptor = hex(java.util.Arrays.copyOfRange(d, 16, 64));
        assertEquals("0400" + "09" + "00" + "0000" + "000000" + "01" + "0000"
                + hex("ABC001L8                        ".getBytes()) + "00000000", descriptor);
    }

    @Test
    void readElementStatusWithDvcidReportsDriveSerial() {
        byte[] d = data(readElementStatus(0x04, 0x0101, 1, 0x01, 0xffff));
        // descriptor length 12 + 4 + 34
        assertEquals("0400003200000032", hex(java.util.Arrays.copyOfRange(d, 8, 16)));
        byte[] id = java.util.Arrays.copyOfRange(d, 16 + 12, 16 + 50);
        assertEquals("02010022", hex(java.util.Arrays.copyOf(id, 4)));
        assertEquals("IBM     ULT3580-TD8     SN00000001", new String(id, 4, 34));
    }

    @Test
    void readElementStatusIsTruncatedToAllocationLengthButReportsFullCount() {
        byte[] d = data(readElementStatus(0x10, 0, 0xffff, 0, 8));
        assertEquals("0001000b00000230", hex(d));
    }

    @Test
    void readElementStatusBeyondLastElementIsInvalidElementAddress() {
        assertSense(readElementStatus(0x02, 0x0500, 1, 0, 0xffff), 5, 0x21, 0x01);
    }

    @Test
    void readElementStatusWithUnknownTypeIsInvalidFieldInCdb() {
        ScsiResponse r = readElementStatus(0x05, 0, 1, 0, 0xffff);
        assertSense(r, 5, 0x24, 0x00);
        assertEquals("cb0001", hex(java.util.Arrays.copyOfRange(r.sense(), 15, 18)));
    }

    @Test
    void moveIntoDriveLoadsTheCartridgeAndCommitsOnce() {
        int before = f.store.commits();
        assertEquals(ScsiStatus.GOOD, move(0x0400, 0x0101).status());
        assertEquals(List.of("insert ABC001L8"), f.drive0.events);
        assertEquals(before + 1, f.store.commits());
        Element drive = f.changer.partition().element(0x0101).orElseThrow();
        assertEquals("ABC001L8", drive.barcode());
        assertEquals(0x0400, drive.content().sourceAddress());
    }

    @Test
    void driveElementReportsSourceSlotAfterLoad() {
        move(0x0400, 0x0101);
        byte[] d = data(readElementStatus(0x14, 0x0101, 1, 0, 0xffff));
        assertEquals("0101" + "09" + "00" + "0000" + "110000" + "81" + "0400",
                hex(java.util.Arrays.copyOfRange(d, 16, 28)));
    }

    @Test
    void moveOutOfDriveUnloadsIt() {
        move(0x0400, 0x0101);
        assertEquals(ScsiStatus.GOOD, move(0x0101, 0x0400).status());
        assertEquals(List.of("insert ABC001L8", "remove ABC001L8"), f.drive0.events);
        assertNull(f.changer.partition().element(0x0101).orElseThrow().barcode());
    }

    @Test
    void moveFromEmptySourceIsMediumSourceElementEmpty() {
        assertSense(move(0x0405, 0x0101), 5, 0x3B, 0x0E);
    }

    @Test
    void moveToFullDestinationIsMediumDestinationElementFull() {
        assertSense(move(0x0400, 0x0401), 5, 0x3B, 0x0D);
    }

    @Test
    void moveToUnknownAddressIsInvalidElementAddress() {
        assertSense(move(0x0400, 0x0999), 5, 0x21, 0x01);
    }

    @Test
    void moveWithStorageElementAsTransportIsInvalidElementAddress() {
        ScsiResponse r = host.send(0xA5, 0, 0x04, 0x00, 0x04, 0x00, 0x04, 0x05, 0, 0, 0, 0);
        assertSense(r, 5, 0x21, 0x01);
    }

    @Test
    void moveOutOfDriveThatPreventsRemovalIsMediumRemovalPreventedAndChangesNothing() {
        move(0x0400, 0x0101);
        f.drive0.prevented = true;
        int commits = f.store.commits();
        assertSense(move(0x0101, 0x0400), 5, 0x53, 0x02);
        assertEquals("ABC001L8", f.changer.partition().element(0x0101).orElseThrow().barcode());
        assertEquals(commits, f.store.commits());
    }

    @Test
    void moveWithInvertIsInvalidFieldInCdb() {
        ScsiResponse r = host.send(0xA5, 0, 0, 1, 0x04, 0x00, 0x01, 0x01, 0, 0, 1, 0);
        assertSense(r, 5, 0x24, 0x00);
        assertEquals("c8000a", hex(java.util.Arrays.copyOfRange(r.sense(), 15, 18)));
    }

    @Test
    void exchangeSwapsThroughSecondDestination() {
        ScsiResponse r = host.send(0xA6, 0, 0, 1, 0x04, 0x00, 0x04, 0x01, 0x04, 0x02, 0, 0);
        assertEquals(ScsiStatus.GOOD, r.status());
        assertEquals("ABC001L8", f.changer.partition().element(0x0401).orElseThrow().barcode());
        assertEquals("ABC002L8", f.changer.partition().element(0x0402).orElseThrow().barcode());
        assertNull(f.changer.partition().element(0x0400).orElseThrow().barcode());
    }

    @Test
    void importRaisesImportExportElementAccessedOnce() throws LibraryException {
        int address = f.changer.importCartridge("ABC003L8");
        assertEquals(0x0300, address);
        assertSense(host.send(0, 0, 0, 0, 0, 0), 6, 0x28, 0x01);
        assertEquals(ScsiStatus.GOOD, host.send(0, 0, 0, 0, 0, 0).status());
    }

    @Test
    void importedCartridgeShowsImpExpAndAccessBits() throws LibraryException {
        f.changer.importCartridge("ABC003L8");
        host.clearUnitAttentions();
        byte[] d = data(readElementStatus(0x13, 0x0300, 1, 0, 0xffff));
        assertEquals(0x3B, d[16 + 2] & 0xff); // INENAB, EXENAB, ACCESS, IMPEXP, FULL
    }

    @Test
    void exportThenOperatorRemovalEmptiesTheMailSlot() throws LibraryException {
        assertEquals(ScsiStatus.GOOD, move(0x0400, 0x0300).status());
        assertEquals("ABC001L8", f.changer.removeFromImportExport(0x0300));
        assertNull(f.changer.partition().element(0x0300).orElseThrow().barcode());
    }

    @Test
    void importOfForeignCartridgeIsRefused() {
        LibraryException e = assertThrows(LibraryException.class, () -> f.changer.importCartridge("XYZ999L8"));
        assertEquals(LibraryError.UNKNOWN_CARTRIDGE, e.error());
    }

    @Test
    void openImportExportWhilePreventedIsMediumRemovalPrevented() {
        assertEquals(ScsiStatus.GOOD, host.send(0x1E, 0, 0, 0, 1, 0).status());
        assertSense(host.send(0x1B, 0, 0x03, 0x00, 0x00, 0), 5, 0x53, 0x02);
    }

    @Test
    void moveToOpenImportExportSlotIsNotAccessible() {
        assertEquals(ScsiStatus.GOOD, host.send(0x1B, 0, 0x03, 0x00, 0x00, 0).status());
        assertSense(move(0x0400, 0x0300), 5, 0x3B, 0x11);
        assertEquals(ScsiStatus.GOOD, host.send(0x1B, 0, 0x03, 0x00, 0x01, 0).status());
        assertEquals(ScsiStatus.GOOD, move(0x0400, 0x0300).status());
    }

    @Test
    void restartRestoresElementsAndRemountsLoadedCartridge() {
        move(0x0400, 0x0102);
        FakeDrive d0 = new FakeDrive("SN00000001");
        FakeDrive d1 = new FakeDrive("SN00000002");
        MediaChanger again = ChangerFixture.changer(f.store, "default", ChangerFixture.CARTRIDGES, d0, d1);
        assertEquals(f.changer.inventory(), again.inventory());
        assertEquals("ABC001L8", d1.loaded);
        assertNull(d0.loaded);
    }

    @Test
    void initializeElementStatusWithRangeChecksStartAddress() {
        assertEquals(ScsiStatus.GOOD, host.send(0x37, 1, 0x04, 0x00, 0, 0, 0, 2, 0, 0).status());
        assertSense(host.send(0x37, 1, 0x09, 0x00, 0, 0, 0, 2, 0, 0), 5, 0x21, 0x01);
        assertEquals(ScsiStatus.GOOD, host.send(0x07, 0, 0, 0, 0, 0).status());
    }

    @Test
    void positionToElementChecksAddresses() {
        assertEquals(ScsiStatus.GOOD, host.send(0x2B, 0, 0, 1, 0x04, 0x00, 0, 0, 0, 0).status());
        assertSense(host.send(0x2B, 0, 0, 1, 0x07, 0x00, 0, 0, 0, 0), 5, 0x21, 0x01);
    }

    @Test
    void modeSenseElementAddressAssignmentMatchesLayout() {
        byte[] d = data(host.send(0x1A, 0x08, 0x1D, 0, 0xff, 0));
        assertEquals("17000000" + "1d12" + "00010001" + "04000006" + "03000002" + "01010002" + "0000", hex(d));
    }

    @Test
    void modeSenseDeviceCapabilitiesAdvertisesMovesAndExchanges() {
        byte[] d = data(host.send(0x1A, 0x08, 0x1F, 0, 0xff, 0));
        assertEquals("17000000" + "1f12" + "0e00" + "0e0e0e0e" + "00000000" + "0e0e0e0e" + "00000000", hex(d));
    }

    @Test
    void insertFailureInsideDriveIsInternalTargetFailure() {
        FakeDrive broken = new FakeDrive("SN00000009") {
            @Override
            public void insert(String barcode) {
                throw new IllegalStateException("drive exploded");
            }
        };
        MediaChanger c = ChangerFixture.changer(new MemoryLibraryStateStore(), "p", Set.of("ABC001L8"), broken);
        TestInitiator h = new TestInitiator(c, "h").clearUnitAttentions();
        try {
            c.addToStorage("ABC001L8");
        } catch (LibraryException e) {
            throw new AssertionError(e);
        }
        h.clearUnitAttentions();
        ScsiResponse r = h.send(0xA5, 0, 0, 1, 0x04, 0x00, 0x01, 0x01, 0, 0, 0, 0);
        assertSense(r, 4, 0x44, 0x00);
        assertEquals("ABC001L8", c.partition().element(0x0400).orElseThrow().barcode());
    }

    @Test
    void tapeAlertPageHasSixtyFourFlags() {
        byte[] d = data(host.send(0x4D, 0, 0x6E, 0, 0, 0, 0, 0x10, 0, 0));
        assertEquals(4 + 64 * 5, d.length);
        assertArrayEquals(new byte[] {0x2E, 0, 0x01, 0x40}, java.util.Arrays.copyOf(d, 4));
    }

    @Test
    void adminExportMovesToMailSlotAndRaisesImportExportAttention() throws LibraryException {
        assertEquals(0x0300, f.changer.exportToImportExport("ABC002L8"));
        assertSense(host.send(0, 0, 0, 0, 0, 0), 6, 0x28, 0x01);
        assertEquals("ABC002L8", f.changer.partition().element(0x0300).orElseThrow().barcode());
        assertEquals(0x0401, f.changer.partition().element(0x0300).orElseThrow().content().sourceAddress());
    }

    @Test
    void adminRemovalTakesACartridgeOutOfTheLibraryButNotOutOfADrive() throws LibraryException {
        move(0x0400, 0x0101);
        f.changer.removeCartridge("ABC002L8");
        assertNull(f.changer.partition().element(0x0401).orElseThrow().barcode());
        LibraryException e = assertThrows(LibraryException.class, () -> f.changer.removeCartridge("ABC001L8"));
        assertEquals(LibraryError.INVALID_ADDRESS, e.error());
    }
}
