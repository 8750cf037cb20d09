package org.vtl.scsi.ssc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vtl.scsi.TestInitiator.data;
import static org.vtl.scsi.TestInitiator.hex;
import static org.vtl.scsi.ssc.SenseAssert.assertSense;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;

class TapeDriveTest {

    private final DriveFixture f = new DriveFixture();

    @Test
    void firstCommandReportsPowerOnUnitAttentionThenNoMedium() {
        assertSense(f.host.send(0, 0, 0, 0, 0, 0), 6, 0x29, 0x00);
        assertSense(f.host.send(0, 0, 0, 0, 0, 0), 2, 0x3A, 0x00);
    }

    @Test
    void insertRaisesMediumChangedOnceThenReady() {
        f.host.clearUnitAttentions();
        f.drive.insert(DriveFixture.TAPE);
        assertSense(f.host.send(0, 0, 0, 0, 0, 0), 6, 0x28, 0x00);
        assertEquals(ScsiStatus.GOOD, f.host.send(0, 0, 0, 0, 0, 0).status());
    }

    @Test
    void inquiryIsAnsweredDespitePendingUnitAttention() {
        ScsiResponse r = f.host.send(0x12, 0, 0, 0, 0xff, 0);
        assertEquals(ScsiStatus.GOOD, r.status());
        byte[] d = data(r);
        assertEquals(74, d.length);
        assertEquals("0180061245010002", hex(Arrays.copyOf(d, 8)));
        assertEquals("IBM     ULT3580-TD8     N9M1", new String(d, 8, 28));
        assertSense(f.host.send(0, 0, 0, 0, 0, 0), 6, 0x29, 0x00);
    }

    @Test
    void inquiryIsTruncatedToAllocationLength() {
        assertEquals(36, data(f.host.send(0x12, 0, 0, 0, 36, 0)).length);
    }

    @Test
    void hpLto8IdentityUsesVendorHpe() {
        DriveIdentity hp = DriveIdentity.hp(LtoGeneration.LTO8);
        assertEquals("HPE", hp.vendor());
        assertEquals("Ultrium 8-SCSI", hp.product());
        assertEquals("HP", DriveIdentity.hp(LtoGeneration.LTO6).vendor());
    }

    @Test
    void supportedVpdPagesAreDerivedFromTheTable() {
        assertEquals("0100000600" + "80" + "83b0b1b2", hex(data(f.host.send(0x12, 1, 0, 0, 0xff, 0))));
    }

    @Test
    void unitSerialNumberPageCarriesSerial() {
        assertEquals("0180000a" + hex("SN00000001".getBytes()), hex(data(f.host.send(0x12, 1, 0x80, 0, 0xff, 0))));
    }

    @Test
    void deviceIdentificationHasT10VendorIdAndNaa() {
        byte[] d = data(f.host.send(0x12, 1, 0x83, 0, 0xff, 0));
        assertEquals("01830032" + "0201" + "0022", hex(Arrays.copyOf(d, 8)));
        assertEquals("IBM     ULT3580-TD8     SN00000001", new String(d, 8, 34));
        assertEquals("01030008", hex(Arrays.copyOfRange(d, 42, 46)));
        assertEquals(0x30, d[46] & 0xf0); // NAA 3h locally assigned
    }

    @Test
    void inquiryPageWithoutEvpdIsInvalidFieldInCdb() {
        ScsiResponse r = f.host.send(0x12, 0, 0x80, 0, 0xff, 0);
        assertSense(r, 5, 0x24, 0x00);
        assertEquals("c00002", hex(Arrays.copyOfRange(r.sense(), 15, 18)));
    }

    @Test
    void readBlockLimitsReportsEightMegabytesAndOne() {
        f.host.clearUnitAttentions();
        assertEquals("008000000001", hex(data(f.host.send(0x05, 0, 0, 0, 0, 0))));
    }

    @Test
    void readBlockLimitsReportsTheStorageLimitWhenItIsLower() {
        DriveFixture capped = new DriveFixture(DriveIdentity.ibm(LtoGeneration.LTO9).withMaxBlockLength(4_194_176));
        capped.host.clearUnitAttentions();
        assertEquals("003fff800001", hex(data(capped.host.send(0x05, 0, 0, 0, 0, 0))));
    }

    @Test
    void aVariableBlockAboveTheReportedLimitIsRefusedBeforeAnythingIsStored() {
        DriveFixture capped = new DriveFixture(DriveIdentity.ibm(LtoGeneration.LTO9).withMaxBlockLength(1024));
        capped.loaded(DriveFixture.TAPE);
        capped.host.clearUnitAttentions();
        assertSense(capped.writeVariable(new byte[1025]), 5, 0x24, 0x00);
        assertEquals(ScsiStatus.GOOD, capped.writeVariable(new byte[1024]).status());
    }

    @Test
    void reservedCdbBitIsInvalidFieldWithBitPointer() {
        f.loaded(DriveFixture.TAPE);
        ScsiResponse r = f.host.send(0x01, 0x80, 0, 0, 0, 0);
        assertSense(r, 5, 0x24, 0x00);
        assertEquals("cf0001", hex(Arrays.copyOfRange(r.sense(), 15, 18)));
    }

    @Test
    void linkBitInControlByteIsInvalidField() {
        f.loaded(DriveFixture.TAPE);
        ScsiResponse r = f.host.send(0x00, 0, 0, 0, 0, 0x01);
        assertSense(r, 5, 0x24, 0x00);
        assertEquals("c80005", hex(Arrays.copyOfRange(r.sense(), 15, 18)));
    }

    @Test
    void unknownOpcodeIsInvalidCommandOperationCode() {
        f.loaded(DriveFixture.TAPE);
        assertSense(f.host.send(0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 5, 0x20, 0x00);
    }

    @Test
    void modeSenseReportsBufferedModeBlockDescriptorAndCompressionPage() {
        f.loaded(DriveFixture.TAPE);
        byte[] d = data(f.host.send(0x1A, 0, 0x0F, 0, 0xff, 0));
        assertEquals("1b001008" + "5e00000000000000" + "0f0ec080" + "00000001" + "00000001" + "00000000", hex(d));
    }

    @Test
    void modeSenseOfWriteProtectedCartridgeSetsWp() {
        f.memory.setWriteProtected(DriveFixture.TAPE, true);
        f.loaded(DriveFixture.TAPE);
        assertEquals((byte) 0x90, data(f.host.send(0x1A, 0, 0x0F, 0, 0xff, 0))[2]);
    }

    @Test
    void modeSelectOfCompressionDrivesTheCartridgeAndTellsOtherInitiators() {
        f.loaded(DriveFixture.TAPE);
        TestInitiator other = new TestInitiator(f.drive, "other", 1).clearUnitAttentions();
        byte[] page = {0, 0, 0x10, 0, 0x0f, 0x0e, 0x40, (byte) 0x80, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0};
        assertEquals(ScsiStatus.GOOD, f.host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, page.length, 0), page)
                .status());
        assertTrue(f.calls.contains("setCompression(false)"));
        assertEquals(0x40, data(f.host.send(0x1A, 0x08, 0x0F, 0, 0xff, 0))[6]);
        assertSense(other.send(0, 0, 0, 0, 0, 0), 6, 0x2A, 0x01);
    }

    @Test
    void modeSelectOfUnchangeableBitPointsIntoParameterList() {
        f.loaded(DriveFixture.TAPE);
        byte[] page = {0, 0, 0x10, 0, 0x0f, 0x0e, (byte) 0x80, (byte) 0x80, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0};
        ScsiResponse r = f.host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, page.length, 0), page);
        assertSense(r, 5, 0x26, 0x00);
        assertEquals("8e0006", hex(Arrays.copyOfRange(r.sense(), 15, 18))); // byte 6, bit 6 (DCC)
    }

    @Test
    void modeSelectSavePagesIsInvalidFieldInCdb() {
        f.loaded(DriveFixture.TAPE);
        ScsiResponse r = f.host.send(TestInitiator.bytes(0x15, 0x11, 0, 0, 4, 0), new byte[4]);
        assertSense(r, 5, 0x24, 0x00);
    }

    @Test
    void modeSenseSavedValuesAreNotSupported() {
        f.loaded(DriveFixture.TAPE);
        assertSense(f.host.send(0x1A, 0, 0xCF, 0, 0xff, 0), 5, 0x39, 0x00);
    }

    @Test
    void blockDescriptorSetsFixedBlockLength() {
        f.loaded(DriveFixture.TAPE);
        assertEquals(ScsiStatus.GOOD, f.setBlockLength(512).status());
        byte[] d = data(f.host.send(0x1A, 0, 0x10, 0, 0xff, 0));
        assertEquals("5e00000000000200", hex(Arrays.copyOfRange(d, 4, 12)));
    }

    @Test
    void loadUnloadEjectsAndReloads() {
        f.loaded(DriveFixture.TAPE);
        assertEquals(ScsiStatus.GOOD, f.host.send(0x1B, 0, 0, 0, 0, 0).status());
        assertSense(f.host.send(0, 0, 0, 0, 0, 0), 2, 0x3A, 0x00);
        assertTrue(f.calls.contains("flush"));
        assertEquals(ScsiStatus.GOOD, f.host.send(0x1B, 0, 0, 0, 1, 0).status());
        assertEquals(ScsiStatus.GOOD, f.host.send(0, 0, 0, 0, 0, 0).status());
    }

    @Test
    void unloadWhilePreventedIsMediumRemovalPrevented() {
        f.loaded(DriveFixture.TAPE);
        f.host.send(0x1E, 0, 0, 0, 1, 0);
        assertSense(f.host.send(0x1B, 0, 0, 0, 0, 0), 5, 0x53, 0x02);
        ScsiException e = assertThrows(ScsiException.class, f.drive::remove);
        assertEquals(0x53, e.sense().code().asc());
        f.host.send(0x1E, 0, 0, 0, 0, 0);
        f.drive.remove();
        assertNull(f.drive.barcode());
    }

    @Test
    void requestSenseWithoutMediumReportsNotReady() {
        f.host.clearUnitAttentions();
        ScsiResponse r = f.host.send(0x03, 0, 0, 0, 0xff, 0);
        assertEquals(ScsiStatus.GOOD, r.status());
        assertEquals("700002000000000a000000003a0000000000", hex(data(r)));
    }

    @Test
    void requestSenseReportsPendingUnitAttentionInDescriptorFormatWhenAsked() {
        ScsiResponse r = f.host.send(0x03, 1, 0, 0, 0xff, 0);
        assertEquals("7206290000000000", hex(data(r)));
    }

    @Test
    void descriptorSenseIsUsedAfterControlPageSelectsIt() {
        f.loaded(DriveFixture.TAPE);
        byte[] p = new byte[4 + 12];
        p[4] = 0x0a;
        p[5] = 0x0a;
        p[6] = 0x04; // D_SENSE
        p[7] = 0x10;
        p[12] = (byte) 0xff;
        p[13] = (byte) 0xff;
        assertEquals(ScsiStatus.GOOD, f.host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, p.length, 0), p).status());
        ScsiResponse r = f.host.send(0x08, 0, 0, 0, 10, 0);
        assertEquals(0x72, r.sense()[0]);
        assertEquals("72080005", hex(Arrays.copyOf(r.sense(), 4)));
    }

    @Test
    void incompatibleGenerationIsRefusedOnInsert() {
        ScsiException e = assertThrows(ScsiException.class, () -> f.drive.insert("TAPE01L6"));
        assertEquals(0x30, e.sense().code().asc());
        assertNull(f.drive.barcode());
        assertThrows(ScsiException.class, () -> f.drive.insert("TAPE01L9"));
    }

    @Test
    void olderGenerationIsReadOnlyInNewerDrive() {
        DriveFixture lto7 = new DriveFixture(DriveIdentity.ibm(LtoGeneration.LTO7));
        lto7.drive.insert("TAPE01L6"); // LTO-7 drives write LTO-6 media
        lto7.host.clearUnitAttentions();
        assertEquals(ScsiStatus.GOOD, lto7.writeVariable(new byte[10]).status());
        DriveFixture lto8 = new DriveFixture(DriveIdentity.ibm(LtoGeneration.LTO8));
        lto8.loaded("TAPE01L7");
        assertEquals(ScsiStatus.GOOD, lto8.writeVariable(new byte[10]).status());
    }

    @Test
    void lto5MediaInLto7DriveIsReadOnly() {
        DriveFixture lto7 = new DriveFixture(DriveIdentity.ibm(LtoGeneration.LTO7));
        lto7.memory.add("OLD001L5");
        lto7.loaded("OLD001L5");
        assertSense(lto7.writeVariable(new byte[10]), 7, 0x30, 0x05);
        assertEquals((byte) 0x90, data(lto7.host.send(0x1A, 0, 0x0F, 0, 0xff, 0))[2]);
    }

    @Test
    void reportDensitySupportListsReadableGenerationsWithWriteOkAndDefault() {
        f.host.clearUnitAttentions();
        byte[] d = data(f.host.send(0x44, 0, 0, 0, 0, 0, 0, 0x10, 0, 0));
        assertEquals(4 + 2 * 52, d.length);
        assertEquals("006a0000", hex(Arrays.copyOf(d, 4)));
        assertEquals("5e5ea10031" + "0050bc" + "007f" + "1a00" + hex(new byte[] {0, (byte) 0xb7, 0x1b, 0}),
                hex(Arrays.copyOfRange(d, 4, 20)));
        assertEquals("LTO-CVE U-832   LTO-8", new String(d, 20, 21));
        assertEquals((byte) 0x81, d[4 + 52 + 2]); // LTO-7: WRTOK, not default
    }

    @Test
    void reportDensitySupportForMediaWithoutCartridgeIsNotReady() {
        f.host.clearUnitAttentions();
        assertSense(f.host.send(0x44, 1, 0, 0, 0, 0, 0, 0x10, 0, 0), 2, 0x3A, 0x00);
    }

    @Test
    void commandTableAnswersRsocForReadSix() {
        f.host.clearUnitAttentions();
        byte[] d = data(f.host.send(0xA3, 0x0C, 0x81, 0x08, 0, 0, 0, 0, 1, 0, 0, 0));
        assertEquals("00830006" + "0803ffffff00" + "000a0000" + "00000e10" + "00001c20", hex(d));
    }

    @Test
    void rsocAllCommandsListsServiceActions() {
        f.host.clearUnitAttentions();
        byte[] d = data(f.host.send(0xA3, 0x0C, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0));
        int length = (int) org.vtl.scsi.Cdb.u32(d, 0);
        assertEquals(d.length - 4, length);
        boolean found = false;
        for (int at = 4; at < d.length; at += 8) {
            if ((d[at] & 0xff) == 0x5F && d[at + 3] == 0x03) {
                found = d[at + 5] == 0x01 && d[at + 7] == 10;
            }
        }
        assertTrue(found, "PERSISTENT RESERVE OUT / CLEAR with SERVACTV");
    }

    @Test
    void rsocForUnsupportedOpcodeReportsNotSupported() {
        f.host.clearUnitAttentions();
        assertArrayEquals(new byte[] {0, 1, 0, 0}, data(f.host.send(0xA3, 0x0C, 0x01, 0xB8, 0, 0, 0, 0, 1, 0, 0, 0)));
    }

    @Test
    void reportLunsListsThePartitionsLuns() {
        assertEquals("00000010" + "00000000" + "0000000000000000" + "0001000000000000",
                hex(data(f.host.send(0xA0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0))));
    }

    @Test
    void commandToOtherLunIsLogicalUnitNotSupported() {
        TestInitiator wrong = new TestInitiator(f.drive, "wrong", 5);
        assertSense(wrong.send(0, 0, 0, 0, 0, 0), 5, 0x25, 0x00);
    }

    @Test
    void reportTimestampIsMillisecondsSinceEpoch() {
        f.host.clearUnitAttentions();
        byte[] d = data(f.host.send(0xA3, 0x0F, 0, 0, 0, 0, 0, 0, 0, 12, 0, 0));
        assertEquals("000a03", hex(Arrays.copyOf(d, 3)));
        long ms = (long) org.vtl.scsi.Cdb.u16(d, 4) << 32 | org.vtl.scsi.Cdb.u32(d, 6);
        assertTrue(Math.abs(ms - System.currentTimeMillis()) < 60_000);
    }

    @Test
    void readBufferDescriptorReportsCapacity() {
        f.host.clearUnitAttentions();
        assertEquals("00000400", hex(data(f.host.send(0x3C, 0x03, 0, 0, 0, 0, 0, 0, 4, 0))));
    }

    @Test
    void securityProtocolInListsOnlyProtocolZero() {
        f.host.clearUnitAttentions();
        assertEquals("000000000000000100", hex(data(f.host.send(0xA2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0))));
        ScsiResponse tde = f.host.send(0xA2, 0x20, 0, 0x10, 0, 0, 0, 0, 1, 0, 0, 0);
        assertSense(tde, 5, 0x24, 0x00);
        assertEquals("c00001", hex(Arrays.copyOfRange(tde.sense(), 15, 18)));
    }

    @Test
    void informationalExceptionsPageReportsOnRequestOnly() {
        f.loaded(DriveFixture.TAPE);
        byte[] d = data(f.host.send(0x1A, 0x08, 0x1C, 0, 0xff, 0));
        assertEquals("0f001000" + "1c0a0806" + "0000000000000000", hex(d));
    }

    @Test
    void modeSelectWithOneBadPageChangesNothing() {
        f.loaded(DriveFixture.TAPE);
        byte[] p = {0, 0, 0x10, 8, 0, 0, 0, 0, 0, 0, 0x02, 0, // block descriptor: 512-byte blocks
                0x0f, 0x0e, 0x40, (byte) 0x80, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, // DCE off: valid
                0x10, 0x0e, 0, 0, 0, 0, 0, 0, 0, 0, 0x18, 0, 0, 0, 0x07, 0}; // algorithm 07h: invalid
        ScsiResponse r = f.host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, p.length, 0), p);
        assertSense(r, 5, 0x26, 0x00);
        assertEquals("80002a", hex(Arrays.copyOfRange(r.sense(), 15, 18))); // byte 42 of the list
        byte[] d = data(f.host.send(0x1A, 0, 0x0F, 0, 0xff, 0));
        assertEquals("5e00000000000000", hex(Arrays.copyOfRange(d, 4, 12)));
        assertEquals((byte) 0xC0, d[14]);
    }
}
