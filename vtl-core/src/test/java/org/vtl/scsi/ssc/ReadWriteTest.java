package org.vtl.scsi.ssc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vtl.scsi.TestInitiator.data;
import static org.vtl.scsi.TestInitiator.hex;
import static org.vtl.scsi.TestInitiator.information;
import static org.vtl.scsi.ssc.SenseAssert.assertSense;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;

class ReadWriteTest {

    private final DriveFixture f = new DriveFixture().loaded(DriveFixture.TAPE);

    @Test
    void variableBlockRoundTrips() {
        byte[] block = DriveFixture.pattern(1000, 1);
        assertEquals(ScsiStatus.GOOD, f.writeVariable(block).status());
        f.rewind();
        ScsiResponse r = f.readVariable(1000, false);
        assertEquals(ScsiStatus.GOOD, r.status());
        assertArrayEquals(block, data(r));
    }

    @Test
    void shortVariableReadReportsIliAndPositiveResidueWithTheData() {
        f.writeVariable(DriveFixture.pattern(1000, 2));
        f.rewind();
        ScsiResponse r = f.readVariable(2000, false);
        assertSense(r, 0, 0x00, 0x00);
        assertEquals((byte) 0xF0, r.sense()[0]); // VALID
        assertEquals(0x20, r.sense()[2]); // ILI, NO SENSE
        assertEquals(1000, information(r));
        assertArrayEquals(DriveFixture.pattern(1000, 2), data(r));
        assertEquals(1, f.position());
    }

    @Test
    void shortVariableReadWithSiliIsGood() {
        f.writeVariable(DriveFixture.pattern(1000, 3));
        f.rewind();
        ScsiResponse r = f.readVariable(2000, true);
        assertEquals(ScsiStatus.GOOD, r.status());
        assertEquals(1000, data(r).length);
    }

    @Test
    void overlengthVariableReadReportsNegativeResidueAndMovesPastTheBlock() {
        f.writeVariable(DriveFixture.pattern(1000, 4));
        f.writeVariable(DriveFixture.pattern(10, 5));
        f.rewind();
        ScsiResponse r = f.readVariable(500, true);
        assertSense(r, 0, 0x00, 0x00);
        assertEquals(0x20, r.sense()[2]);
        assertEquals(-500, information(r));
        assertArrayEquals(Arrays.copyOf(DriveFixture.pattern(1000, 4), 500), data(r));
        assertEquals(1, f.position());
    }

    @Test
    void readingAFilemarkReportsFilemarkAndFullResidueAndMovesPastIt() {
        f.writeFilemarks(1, false);
        f.writeVariable(DriveFixture.pattern(10, 6));
        f.rewind();
        ScsiResponse r = f.readVariable(4096, false);
        assertSense(r, 0, 0x00, 0x01);
        assertEquals((byte) 0x80, r.sense()[2]);
        assertEquals(4096, information(r));
        assertEquals(0, data(r).length);
        assertEquals(1, f.position());
        assertArrayEquals(DriveFixture.pattern(10, 6), data(f.readVariable(10, false)));
    }

    @Test
    void readingAtEndOfDataIsBlankCheck() {
        f.writeVariable(new byte[10]);
        ScsiResponse r = f.readVariable(512, false);
        assertSense(r, 8, 0x00, 0x05);
        assertEquals(512, information(r));
        assertEquals(1, f.position());
    }

    @Test
    void fixedModeRoundTripsSeveralBlocks() {
        f.setBlockLength(512);
        byte[] data = DriveFixture.pattern(4 * 512, 7);
        assertEquals(ScsiStatus.GOOD, f.writeFixed(4, data).status());
        assertEquals(4, f.position());
        f.rewind();
        assertArrayEquals(data, data(f.readFixed(4)));
    }

    @Test
    void fixedReadIntoEndOfDataReturnsWholeBlocksAndBlockResidue() {
        f.setBlockLength(512);
        f.writeFixed(4, DriveFixture.pattern(2048, 8));
        f.rewind();
        ScsiResponse r = f.readFixed(8);
        assertSense(r, 8, 0x00, 0x05);
        assertEquals(4, information(r));
        assertArrayEquals(DriveFixture.pattern(2048, 8), data(r));
    }

    @Test
    void fixedReadIntoFilemarkReportsBlocksNotRead() {
        f.setBlockLength(512);
        f.writeFixed(2, DriveFixture.pattern(1024, 9));
        f.writeFilemarks(1, false);
        f.rewind();
        ScsiResponse r = f.readFixed(5);
        assertSense(r, 0, 0x00, 0x01);
        assertEquals((byte) 0x80, r.sense()[2]);
        assertEquals(3, information(r));
        assertEquals(1024, data(r).length);
        assertEquals(3, f.position());
    }

    @Test
    void fixedReadOfWrongLengthBlockReportsIliAndBlocksBeforeIt() {
        f.writeVariable(DriveFixture.pattern(512, 1));
        f.writeVariable(DriveFixture.pattern(100, 2));
        f.setBlockLength(512);
        f.rewind();
        ScsiResponse r = f.readFixed(3);
        assertSense(r, 0, 0x00, 0x00);
        assertEquals(0x20, r.sense()[2]);
        assertEquals(2, information(r));
        assertEquals(512, data(r).length);
        assertEquals(2, f.position());
    }

    @Test
    void fixedReadWithSiliIsInvalidField() {
        f.setBlockLength(512);
        ScsiResponse r = f.host.send(0x08, 3, 0, 0, 1, 0);
        assertSense(r, 5, 0x24, 0x00);
        assertEquals("c90001", hex(Arrays.copyOfRange(r.sense(), 15, 18)));
    }

    @Test
    void fixedWriteInVariableModeIsInvalidField() {
        ScsiResponse r = f.writeFixed(1, new byte[512]);
        assertSense(r, 5, 0x24, 0x00);
        assertEquals("c80001", hex(Arrays.copyOfRange(r.sense(), 15, 18)));
        assertEquals(0, f.position());
    }

    @Test
    void blockLargerThanLimitIsInvalidField() {
        ScsiResponse r = f.host.send(TestInitiator.bytes(0x0A, 0, 0x80, 0, 1, 0), new byte[0x800001]);
        assertSense(r, 5, 0x24, 0x00);
    }

    @Test
    void writeFilemarksWithoutImmedFlushesTheCartridge() {
        f.writeVariable(new byte[10]);
        f.calls.clear();
        assertEquals(ScsiStatus.GOOD, f.writeFilemarks(1, false).status());
        assertEquals(java.util.List.of("writeFilemarks", "flush"), f.calls.stream()
                .filter(c -> c.equals("writeFilemarks") || c.equals("flush")).toList());
    }

    @Test
    void writeFilemarksWithImmedDoesNotFlush() {
        f.calls.clear();
        f.writeFilemarks(1, true);
        assertTrue(f.calls.contains("writeFilemarks"));
        assertTrue(!f.calls.contains("flush"));
    }

    @Test
    void writeZeroFilemarksIsTheFlushBarrier() {
        f.calls.clear();
        assertEquals(ScsiStatus.GOOD, f.writeFilemarks(0, false).status());
        assertTrue(f.calls.contains("flush"));
        assertEquals(0, f.position());
    }

    @Test
    void writePastEarlyWarningIsAcceptedWithEomAndEndOfPartitionDetected() {
        DriveFixture small = new DriveFixture().loaded(DriveFixture.SMALL);
        assertEquals(ScsiStatus.GOOD, small.writeVariable(new byte[4096]).status());
        assertEquals(ScsiStatus.GOOD, small.writeVariable(new byte[4096]).status());
        ScsiResponse r = small.writeVariable(new byte[4096]);
        assertSense(r, 0, 0x00, 0x02);
        assertEquals((byte) 0x40, r.sense()[2]); // EOM, NO SENSE
        assertEquals((byte) 0xF0, r.sense()[0]);
        assertEquals(0, information(r));
        assertEquals(3, small.position());
        byte[] rp = data(small.host.send(0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(0x40, rp[0]); // EOP in READ POSITION
    }

    @Test
    void writePastEndOfPartitionIsVolumeOverflowAndNothingWritten() {
        DriveFixture small = new DriveFixture().loaded(DriveFixture.SMALL);
        for (int i = 0; i < 4; i++) {
            small.writeVariable(new byte[4096]);
        }
        ScsiResponse r = small.writeVariable(new byte[4096]);
        assertSense(r, 0x0D, 0x00, 0x02);
        assertEquals((byte) 0x4D, r.sense()[2]);
        assertEquals(4096, information(r));
        assertEquals(4, small.position());
    }

    @Test
    void fixedWritePastEndOfPartitionReportsBlocksNotWritten() {
        DriveFixture small = new DriveFixture().loaded(DriveFixture.SMALL);
        small.setBlockLength(4096);
        ScsiResponse r = small.writeFixed(6, new byte[6 * 4096]);
        assertSense(r, 0x0D, 0x00, 0x02);
        assertEquals(2, information(r));
        assertEquals(4, small.position());
    }

    @Test
    void writeToWriteProtectedCartridgeIsDataProtect() {
        f.memory.setWriteProtected(DriveFixture.TAPE, true);
        assertSense(f.writeVariable(new byte[10]), 7, 0x27, 0x00);
        byte[] alerts = data(f.host.send(0x4D, 0, 0x6E, 0, 0, 0, 0, 0x10, 0, 0));
        assertEquals(1, alerts[4 + 8 * 5 + 4]); // flag 09h
    }

    @Test
    void overwritingWormDataIsDataProtectWormOverwrite() {
        DriveFixture worm = new DriveFixture().loaded("WORM01LY");
        worm.writeVariable(new byte[10]);
        worm.writeVariable(new byte[10]);
        worm.rewind();
        assertSense(worm.writeVariable(new byte[10]), 7, 0x30, 0x0C);
    }

    @Test
    void readWithoutCartridgeIsNotReady() {
        DriveFixture empty = new DriveFixture();
        empty.host.clearUnitAttentions();
        assertSense(empty.readVariable(10, false), 2, 0x3A, 0x00);
        assertSense(empty.writeVariable(new byte[10]), 2, 0x3A, 0x00);
    }

    private void enableProtection() {
        byte[] p = new byte[4 + 32];
        p[4] = 0x4A;
        p[5] = (byte) 0xF0;
        p[7] = 0x1C;
        p[8] = 0x02; // CRC32C
        p[9] = 0x04;
        p[10] = (byte) 0xC0; // LBP_W, LBP_R
        assertEquals(ScsiStatus.GOOD, f.host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, p.length, 0), p).status());
    }

    private static byte[] protect(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return ByteBuffer.allocate(data.length + 4).order(ByteOrder.LITTLE_ENDIAN).put(data)
                .putInt((int) crc.getValue()).array();
    }

    @Test
    void protectedWriteStoresBlockWithoutCrcAndProtectedReadReturnsIt() {
        enableProtection();
        byte[] block = DriveFixture.pattern(300, 11);
        assertEquals(ScsiStatus.GOOD, f.writeVariable(protect(block)).status());
        f.rewind();
        assertArrayEquals(protect(block), data(f.readVariable(304, false)));
    }

    @Test
    void protectedWriteWithWrongCrcIsGuardCheckFailedAndStoresNothing() {
        enableProtection();
        byte[] bad = protect(DriveFixture.pattern(300, 12));
        bad[5] ^= 1;
        assertSense(f.writeVariable(bad), 0x0B, 0x10, 0x01);
        assertEquals(0, f.position());
    }

    @Test
    void compressionLogPageReportsRatioOfTheCartridge() {
        f.writeVariable(new byte[3 << 20]);
        byte[] d = data(f.host.send(0x4D, 0, 0x72, 0, 0, 0, 0, 0x10, 0, 0));
        assertEquals("3200", hex(Arrays.copyOf(d, 2)));
        assertEquals("00010002" + "0064", hex(Arrays.copyOfRange(d, 10, 16))); // write ratio x100 = 100
        // parameter 0006h: MiB from host = 3
        assertEquals("00060004" + "00000003", hex(Arrays.copyOfRange(d, 4 + 12 + 4 * 8, 4 + 12 + 4 * 8 + 8)));
    }

    @Test
    void supportedLogPagesAreDerivedFromTheTable() {
        assertEquals("00000006" + "000c172e3132", hex(data(f.host.send(0x4D, 0, 0x40, 0, 0, 0, 0, 0x10, 0, 0))));
    }

    @Test
    void tapeCapacityPageReportsPartitionZeroInMegabytes() {
        byte[] d = data(f.host.send(0x4D, 0, 0x71, 0, 0, 0, 0, 0x10, 0, 0));
        assertEquals("31000020", hex(Arrays.copyOf(d, 4)));
        assertEquals("00010004" + hex(new byte[] {0, (byte) 0xb7, 0x1b, 0}), hex(Arrays.copyOfRange(d, 4, 12)));
    }

    @Test
    void volumeStatisticsCarryBarcodeAndPartitionRecords() {
        byte[] d = data(f.host.send(0x4D, 0, 0x57, 0, 0, 0, 0, 0x10, 0, 0));
        String s = hex(d);
        assertTrue(s.contains("00400120" + hex("TAPE01L8".getBytes())), s);
        assertTrue(s.contains("0202030807000000" + hex(new byte[] {0, (byte) 0xb7, 0x1b, 0})), s);
    }

    @Test
    void rewindWithoutImmedFlushesBeforeMoving() {
        f.writeVariable(new byte[10]);
        f.calls.clear();
        assertEquals(ScsiStatus.GOOD, f.rewind().status());
        assertEquals(java.util.List.of("flush", "rewind"), f.calls.stream()
                .filter(c -> c.equals("rewind") || c.equals("flush")).toList());
    }
}
