package org.vtl.scsi.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vtl.scsi.TestInitiator.data;
import static org.vtl.scsi.TestInitiator.hex;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtl.cartridge.memory.MemoryCartridgeStore;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;
import org.vtl.scsi.ssc.TapeDrive;

/** RESERVE/RELEASE (SPC-2) and PERSISTENT RESERVE IN/OUT (SPC-5 5.14, 6.15, 6.16) between two initiators. */
class ReservationTest {

    private TapeDrive drive;
    private TestInitiator a;
    private TestInitiator b;

    @BeforeEach
    void setUp() {
        MemoryCartridgeStore store = new MemoryCartridgeStore();
        store.add("RES001L8");
        drive = new TapeDrive("d", 0, LunInventory.of(List.of(0L)), Runnable::run,
                DriveIdentity.ibm(LtoGeneration.LTO8), "SN00000001", store);
        drive.insert("RES001L8");
        a = new TestInitiator(drive, "a").clearUnitAttentions();
        b = new TestInitiator(drive, "b").clearUnitAttentions();
    }

    private static ScsiResponse prOut(TestInitiator who, int action, int type, long key, long saKey) {
        byte[] p = new byte[24];
        Cdb.put64(p, 0, key);
        Cdb.put64(p, 8, saKey);
        return who.send(TestInitiator.bytes(0x5F, action, type, 0, 0, 0, 0, 0, 24, 0), p);
    }

    private static int asc(ScsiResponse r) {
        return TestInitiator.asc(r);
    }

    @Test
    void reserveSixBlocksOtherInitiatorsMediumAccessButNotInquiry() {
        assertEquals(ScsiStatus.GOOD, a.send(0x16, 0, 0, 0, 0, 0).status());
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, b.send(0x01, 0, 0, 0, 0, 0).status());
        assertEquals(ScsiStatus.GOOD, b.send(0x12, 0, 0, 0, 36, 0).status());
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, b.send(0x16, 0, 0, 0, 0, 0).status());
        assertEquals(ScsiStatus.GOOD, b.send(0x17, 0, 0, 0, 0, 0).status()); // releasing another's: no effect
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, b.send(0x01, 0, 0, 0, 0, 0).status());
        assertEquals(ScsiStatus.GOOD, a.send(0x17, 0, 0, 0, 0, 0).status());
        assertEquals(ScsiStatus.GOOD, b.send(0x01, 0, 0, 0, 0, 0).status());
    }

    @Test
    void nexusLossReleasesItsReservation() {
        a.send(0x16, 0, 0, 0, 0, 0);
        drive.nexusLost(a.nexus());
        assertEquals(ScsiStatus.GOOD, b.send(0x01, 0, 0, 0, 0, 0).status());
    }

    @Test
    void registerAndReadKeys() {
        assertEquals(ScsiStatus.GOOD, prOut(a, 0x00, 0, 0, 0xABCDL).status());
        assertEquals(ScsiStatus.GOOD, prOut(b, 0x00, 0, 0, 0x1234L).status());
        assertEquals("00000002" + "00000010" + "000000000000abcd" + "0000000000001234",
                hex(data(a.send(0x5E, 0x00, 0, 0, 0, 0, 0, 0, 0xff, 0))));
    }

    @Test
    void registeringWithWrongKeyConflicts() {
        prOut(a, 0x00, 0, 0, 0xABCDL);
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, prOut(a, 0x00, 0, 0x9999L, 0x1L).status());
        assertEquals(ScsiStatus.GOOD, prOut(a, 0x06, 0, 0x9999L, 0x1L).status()); // REGISTER AND IGNORE
    }

    @Test
    void exclusiveAccessReservationBlocksOthersAndIsReported() {
        prOut(a, 0x00, 0, 0, 0xABCDL);
        assertEquals(ScsiStatus.GOOD, prOut(a, 0x01, 0x03, 0xABCDL, 0).status());
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, b.send(0x01, 0, 0, 0, 0, 0).status());
        assertEquals(ScsiStatus.GOOD, b.send(0x4D, 0, 0x40, 0, 0, 0, 0, 0, 0xff, 0).status());
        assertEquals("00000001" + "00000010" + "000000000000abcd" + "00000000" + "00" + "03" + "0000",
                hex(data(b.send(0x5E, 0x01, 0, 0, 0, 0, 0, 0, 0xff, 0))));
    }

    @Test
    void writeExclusiveAllowsOthersToReadButNotWrite() {
        prOut(a, 0x00, 0, 0, 0xABCDL);
        prOut(a, 0x01, 0x01, 0xABCDL, 0);
        assertEquals(ScsiStatus.GOOD, b.send(0x01, 0, 0, 0, 0, 0).status());
        ScsiResponse w = b.send(TestInitiator.bytes(0x0A, 0, 0, 0, 4, 0), new byte[4]);
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, w.status());
    }

    @Test
    void releaseWithWrongTypeIsInvalidRelease() {
        prOut(a, 0x00, 0, 0, 0xABCDL);
        prOut(a, 0x01, 0x03, 0xABCDL, 0);
        ScsiResponse r = prOut(a, 0x02, 0x01, 0xABCDL, 0);
        assertEquals(0x26, asc(r));
        assertEquals(0x04, TestInitiator.ascq(r));
        assertEquals(ScsiStatus.GOOD, prOut(a, 0x02, 0x03, 0xABCDL, 0).status());
        assertEquals(ScsiStatus.GOOD, b.send(0x01, 0, 0, 0, 0, 0).status());
    }

    @Test
    void preemptTakesTheReservationAndTellsThePreempted() {
        prOut(a, 0x00, 0, 0, 0xAAAAL);
        prOut(a, 0x01, 0x03, 0xAAAAL, 0);
        prOut(b, 0x00, 0, 0, 0xBBBBL);
        assertEquals(ScsiStatus.GOOD, prOut(b, 0x04, 0x03, 0xBBBBL, 0xAAAAL).status());
        ScsiResponse r = a.send(0x00, 0, 0, 0, 0, 0);
        assertEquals(0x2A, asc(r));
        assertEquals(0x05, TestInitiator.ascq(r));
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, a.send(0x01, 0, 0, 0, 0, 0).status());
        assertEquals(ScsiStatus.GOOD, b.send(0x01, 0, 0, 0, 0, 0).status());
    }

    @Test
    void clearRemovesEverything() {
        prOut(a, 0x00, 0, 0, 0xAAAAL);
        prOut(b, 0x00, 0, 0, 0xBBBBL);
        prOut(a, 0x01, 0x03, 0xAAAAL, 0);
        assertEquals(ScsiStatus.GOOD, prOut(b, 0x03, 0, 0xBBBBL, 0).status());
        assertEquals(0x2A, asc(a.send(0x00, 0, 0, 0, 0, 0))); // RESERVATIONS PREEMPTED
        assertEquals("00000003" + "00000000", hex(data(a.send(0x5E, 0x00, 0, 0, 0, 0, 0, 0, 0xff, 0))));
        assertEquals(ScsiStatus.GOOD, a.send(0x01, 0, 0, 0, 0, 0).status());
    }

    @Test
    void wrongParameterListLengthIsParameterListLengthError() {
        ScsiResponse r = a.send(TestInitiator.bytes(0x5F, 0, 0, 0, 0, 0, 0, 0, 20, 0), new byte[20]);
        assertEquals(0x1A, asc(r));
    }

    @Test
    void reportCapabilitiesAdvertisesTypes() {
        assertEquals("0008" + "10" + "80" + "ea01" + "0000", hex(data(a.send(0x5E, 0x02, 0, 0, 0, 0, 0, 0, 8, 0))));
    }

    @Test
    void spcTwoReserveConflictsWithPersistentReservation() {
        prOut(a, 0x00, 0, 0, 0xAAAAL);
        prOut(a, 0x01, 0x03, 0xAAAAL, 0);
        assertEquals(ScsiStatus.RESERVATION_CONFLICT, a.send(0x16, 0, 0, 0, 0, 0).status());
    }

    @Test
    void readFullStatusListsRegistrantsWithHolderAndTransportId() {
        prOut(a, 0x00, 0, 0, 0xAAAAL);
        prOut(a, 0x01, 0x03, 0xAAAAL, 0);
        byte[] d = data(b.send(0x5E, 0x03, 0, 0, 0, 0, 0, 0x10, 0, 0));
        String name = a.nexus().initiatorPort();
        int idLength = (name.length() + 1 + 3) & ~3;
        assertEquals("00000001", hex(java.util.Arrays.copyOf(d, 4)));
        assertEquals(24 + 4 + idLength, Cdb.u32(d, 4));
        assertEquals("000000000000aaaa" + "00000000" + "0103" + "00000000" + "0001",
                hex(java.util.Arrays.copyOfRange(d, 8, 28)));
        assertEquals(0x45, d[8 + 24]); // FORMAT CODE 01b, PROTOCOL IDENTIFIER iSCSI
        assertEquals(name, new String(d, 8 + 28, name.length()));
    }
}
