package org.vtl.scsi.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vtl.scsi.TestInitiator.data;
import static org.vtl.scsi.TestInitiator.hex;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.vtl.cartridge.memory.MemoryCartridgeStore;
import org.vtl.library.LibraryError;
import org.vtl.library.LibraryException;
import org.vtl.library.memory.MemoryLibraryStateStore;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;
import org.vtl.scsi.identity.ChangerIdentity;

/**
 * Scripted sessions: what {@code mtx status/load/unload/transfer} sends to the changer (mtx: INQUIRY,
 * MODE SENSE page 1Dh, READ ELEMENT STATUS with VolTag, MOVE MEDIUM with the picker from page 1Dh) and what
 * Linux {@code st} sends to a drive at open (TEST UNIT READY until no unit attention, READ BLOCK LIMITS,
 * MODE SENSE(6) of 12 bytes), on write, and at close (WRITE FILEMARKS 1 with IMMED=0, REWIND, ALLOW).
 */
class LibrarySessionTest {

    private static final byte[] BLOCK = new byte[64 * 1024];

    static {
        for (int i = 0; i < BLOCK.length; i++) {
            BLOCK[i] = (byte) (i ^ (i >>> 8));
        }
    }

    private final LibraryFixture lib;
    private final TestInitiator mtx;

    LibrarySessionTest() throws LibraryException {
        lib = new LibraryFixture("default", ChangerIdentity.ibm3584(), new MemoryCartridgeStore(),
                new MemoryLibraryStateStore()).withCartridges("VOL001L8", "VOL002L8", "VOL003L8");
        mtx = new TestInitiator(lib.changer, "mtx", 0);
    }

    /** mtx status: returns the picker address and storage base from page 1Dh. */
    private int[] mtxStatus() {
        ScsiResponse inquiry = mtx.send(0x12, 0, 0, 0, 56, 0);
        assertEquals(ScsiStatus.GOOD, inquiry.status());
        assertEquals(0x08, data(inquiry)[0]);
        mtx.clearUnitAttentions();
        byte[] page = data(mtx.send(0x1A, 0x08, 0x1D, 0, 136, 0));
        int picker = Cdb.u16(page, 6);
        int storage = Cdb.u16(page, 10);
        int drives = Cdb.u16(page, 18);
        ScsiResponse status = mtx.send(0xB8, 0x10, 0, 0, 0xff, 0xff, 0, 0x00, 0xff, 0xff, 0, 0);
        assertEquals(ScsiStatus.GOOD, status.status());
        return new int[] {picker, storage, drives};
    }

    private ScsiResponse mtxMove(int picker, int source, int destination) {
        return mtx.send(0xA5, 0, picker >> 8, picker & 0xff, source >> 8, source & 0xff, destination >> 8,
                destination & 0xff, 0, 0, 0, 0);
    }

    /** st open: TUR until ready (unit attentions retried), READ BLOCK LIMITS, MODE SENSE(6) 12 bytes. */
    private static byte[] stOpen(TestInitiator st) {
        ScsiResponse tur;
        int attentions = 0;
        do {
            tur = st.send(0x00, 0, 0, 0, 0, 0);
        } while (tur.status() == ScsiStatus.CHECK_CONDITION && TestInitiator.senseKey(tur) == 6 && ++attentions < 5);
        assertEquals(ScsiStatus.GOOD, tur.status(), "drive ready at open");
        assertEquals("00" + "800000" + "0001", hex(data(st.send(0x05, 0, 0, 0, 0, 0))));
        byte[] mode = data(st.send(0x1A, 0, 0, 0, 12, 0));
        assertEquals(12, mode.length);
        return mode;
    }

    private static void stWrite(TestInitiator st, int blocks) {
        assertEquals(ScsiStatus.GOOD, st.send(0x1E, 0, 0, 0, 1, 0).status()); // door lock on first write
        for (int i = 0; i < blocks; i++) {
            ScsiResponse r = st.send(TestInitiator.bytes(0x0A, 0, 0x01, 0x00, 0x00, 0), BLOCK);
            assertEquals(ScsiStatus.GOOD, r.status());
        }
    }

    private static void stCloseAfterWrite(TestInitiator st) {
        assertEquals(ScsiStatus.GOOD, st.send(0x10, 0, 0, 0, 1, 0).status());
        assertEquals(ScsiStatus.GOOD, st.send(0x01, 0, 0, 0, 0, 0).status());
        assertEquals(ScsiStatus.GOOD, st.send(0x1E, 0, 0, 0, 0, 0).status());
    }

    @Test
    void mtxStatusReportsBarcodesAndDriveSerials() {
        mtxStatus();
        byte[] d = data(mtx.send(0xB8, 0x14, 0, 0, 0, 2, 0x01, 0x00, 0xff, 0xff, 0, 0));
        String serial = lib.drives.get(1).inquiryData().serial();
        int second = 8 + 8 + 86; // header, page header, first descriptor (12 + 36 + 4 + 34)
        assertEquals("IBM     ULT3580-TD8     " + serial, new String(d, second + 52, 34));
        byte[] vpd80 = data(new TestInitiator(lib.drives.get(1), "h", 2).send(0x12, 1, 0x80, 0, 0xff, 0));
        assertEquals(serial, new String(vpd80, 4, vpd80.length - 4));
    }

    @Test
    void mtxLoadStWriteCloseMtxUnloadAndReadBackInTheOtherDrive() {
        int[] layout = mtxStatus();
        assertEquals(ScsiStatus.GOOD, mtxMove(layout[0], layout[1], 0x0101).status());

        TestInitiator st = new TestInitiator(lib.drives.get(0), "st", 1);
        byte[] mode = stOpen(st);
        assertEquals("0b001008" + "5e000000" + "00000000", hex(mode));
        stWrite(st, 3);
        stCloseAfterWrite(st);

        assertEquals(ScsiStatus.GOOD, mtxMove(layout[0], 0x0101, layout[1]).status());
        ScsiResponse gone = st.send(0x00, 0, 0, 0, 0, 0);
        assertEquals(2, TestInitiator.senseKey(gone));
        assertEquals(0x3A, TestInitiator.asc(gone));

        assertEquals(ScsiStatus.GOOD, mtxMove(layout[0], layout[1], 0x0102).status());
        TestInitiator reader = new TestInitiator(lib.drives.get(1), "reader", 2);
        stOpen(reader);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(BLOCK, data(reader.send(0x08, 0, 0x01, 0x00, 0x00, 0)));
        }
        ScsiResponse filemark = reader.send(0x08, 0, 0x01, 0x00, 0x00, 0);
        assertEquals((byte) 0x80, filemark.sense()[2]);
    }

    @Test
    void mtxUnloadWhileStHoldsTheDoorLockIsRefused() {
        int[] layout = mtxStatus();
        mtxMove(layout[0], layout[1], 0x0101);
        TestInitiator st = new TestInitiator(lib.drives.get(0), "st", 1);
        stOpen(st);
        stWrite(st, 1);
        ScsiResponse r = mtxMove(layout[0], 0x0101, layout[1]);
        assertEquals(5, TestInitiator.senseKey(r));
        assertEquals(0x53, TestInitiator.asc(r));
        assertEquals(0x02, TestInitiator.ascq(r));
        assertEquals("VOL001L8", lib.drives.get(0).barcode());
    }

    @Test
    void mtxTransferMovesBetweenSlots() {
        int[] layout = mtxStatus();
        assertEquals(ScsiStatus.GOOD, mtxMove(layout[0], layout[1], layout[1] + 5).status());
        assertNull(lib.changer.partition().element(layout[1]).orElseThrow().barcode());
        assertEquals("VOL001L8", lib.changer.partition().element(layout[1] + 5).orElseThrow().barcode());
    }

    @Test
    void loadedCartridgeStaysLoadedAcrossRestart() throws LibraryException {
        int[] layout = mtxStatus();
        mtxMove(layout[0], layout[1] + 1, 0x0102);
        TestInitiator st = new TestInitiator(lib.drives.get(1), "st", 2);
        stOpen(st);
        stWrite(st, 2);
        stCloseAfterWrite(st);
        lib.shutdown();

        LibraryFixture again = new LibraryFixture("default", ChangerIdentity.ibm3584(), lib.cartridges, lib.state);
        assertEquals(lib.changer.inventory(), again.changer.inventory());
        assertEquals("VOL002L8", again.drives.get(1).barcode());
        assertEquals(lib.drives.get(1).inquiryData().serial(), again.drives.get(1).inquiryData().serial());
        TestInitiator reader = new TestInitiator(again.drives.get(1), "reader", 2);
        stOpen(reader);
        assertArrayEquals(BLOCK, data(reader.send(0x08, 0, 0x01, 0x00, 0x00, 0)));
    }

    @Test
    void stkLayoutUsesAcslsAddresses() throws LibraryException {
        LibraryFixture stk = new LibraryFixture("stk", ChangerIdentity.stkL700(), new MemoryCartridgeStore(),
                new MemoryLibraryStateStore()).withCartridges("STK001L8");
        TestInitiator h = new TestInitiator(stk.changer, "h", 0).clearUnitAttentions();
        byte[] page = data(h.send(0x1A, 0x08, 0x1D, 0, 0xff, 0));
        assertEquals("1d12" + "00000001" + "03e80006" + "000a0002" + "01f40002" + "0000",
                hex(Arrays.copyOfRange(page, 4, 24)));
        byte[] inquiry = data(h.send(0x12, 0, 0, 0, 36, 0));
        assertEquals("STK     L700            0104", new String(inquiry, 8, 28));
        assertEquals(ScsiStatus.GOOD, h.send(0xA5, 0, 0, 0, 0x03, 0xe8, 0x01, 0xf4, 0, 0, 0, 0).status());
        assertEquals("STK001L8", stk.drives.get(0).barcode());
    }

    @Test
    void partitionsAreIsolated() throws LibraryException {
        LibraryFixture other = new LibraryFixture("other", ChangerIdentity.ibm3584(), new MemoryCartridgeStore(),
                lib.state).withCartridges("OTH001L8");
        int[] layout = mtxStatus();
        assertEquals(ScsiStatus.GOOD, mtxMove(layout[0], layout[1], 0x0101).status());
        // the same addresses in the other partition are untouched
        assertEquals("OTH001L8", other.changer.partition().element(0x0400).orElseThrow().barcode());
        assertNull(other.changer.partition().element(0x0101).orElseThrow().barcode());
        assertNull(other.drives.get(0).barcode());
        // neither media nor barcodes cross
        LibraryException e = assertThrows(LibraryException.class, () -> lib.changer.importCartridge("OTH001L8"));
        assertEquals(LibraryError.UNKNOWN_CARTRIDGE, e.error());
        assertThrows(LibraryException.class, () -> other.changer.importCartridge("VOL002L8"));
        assertThrows(org.vtl.scsi.ScsiException.class, () -> other.drives.get(1).insert("VOL002L8"));
        // a shared state store keeps each partition's elements apart
        LibraryFixture restarted = new LibraryFixture("other", ChangerIdentity.ibm3584(), other.cartridges,
                lib.state);
        assertEquals(other.changer.inventory(), restarted.changer.inventory());
    }
}
