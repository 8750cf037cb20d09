package org.vtl.scsi.ssc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vtl.scsi.TestInitiator.data;
import static org.vtl.scsi.TestInitiator.hex;
import static org.vtl.scsi.ssc.SenseAssert.assertSense;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;

/** LTFS-style partitioning and MAM: MODE SELECT page 11h, FORMAT MEDIUM, READ/WRITE ATTRIBUTE. */
class MediumFormatTest {

    private final DriveFixture f = new DriveFixture().loaded(DriveFixture.TAPE);

    private ScsiResponse selectTwoPartitions() {
        byte[] p = new byte[4 + 16];
        p[4] = 0x11;
        p[5] = 0x0E;
        p[6] = 0x03; // MAXIMUM ADDITIONAL PARTITIONS as reported
        p[7] = 0x01; // one additional partition
        p[8] = (byte) 0x3C; // IDP, PSUM 11b, POFM
        p[9] = 0x03;
        p[10] = 0x09; // units of 10^9 bytes
        p[12] = 0; // partition 0: 1 GB
        p[13] = 1;
        p[14] = (byte) 0xff; // partition 1: the rest
        p[15] = (byte) 0xff;
        return f.host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, p.length, 0), p);
    }

    @Test
    void mediumPartitionPageReportsTheCartridge() {
        byte[] d = data(f.host.send(0x1A, 0x08, 0x11, 0, 0xff, 0));
        assertEquals("110e0300" + "1c0309" + "00" + "2ee0" + "000000000000", hex(Arrays.copyOfRange(d, 4, 20)));
    }

    @Test
    void formatMediumAppliesSelectedPartitions() {
        assertEquals(ScsiStatus.GOOD, selectTwoPartitions().status());
        assertEquals(ScsiStatus.GOOD, f.host.send(0x04, 0, 0x01, 0, 0, 0).status());
        byte[] d = data(f.host.send(0x1A, 0x08, 0x11, 0, 0xff, 0));
        assertEquals("110e0301" + "1c0309" + "00" + "0001" + "2edf", hex(Arrays.copyOfRange(d, 4, 16)));
        assertEquals(ScsiStatus.GOOD, f.host.send(0x2B, 0x02, 0, 0, 0, 0, 0, 0, 1, 0).status());
        assertEquals(1, data(f.host.send(0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0))[1]);
    }

    /**
     * What Linux st's partition_tape sends for {@code mt mkpartition SIZE} (MODE SELECT(6), PF, the header and
     * block descriptor as MODE SENSE returned them): page 11h with only two partition size descriptors (page
     * length 0Ah, shorter than the page's 0Eh), then FORMAT MEDIUM 1h because POFM is set.
     */
    private ScsiResponse selectAsLinuxSt(int flags, int units, int partition1) {
        byte[] p = TestInitiator.bytes(0x00, 0x00, 0x10, 0x08, 0x5E, 0, 0, 0, 0, 0, 0, 0,
                0x11, 0x0A, 0x03, 0x01, flags, 0x03, units, 0x00, 0xFF, 0xFF, partition1 >>> 8, partition1 & 0xFF);
        return f.host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, p.length, 0), p);
    }

    @Test
    void linuxStMkpartitionWithFixedPartitionsSelectsTwoDescriptorsAndFormats() {
        assertEquals(ScsiStatus.GOOD, selectAsLinuxSt(0x9C, 0x00, 1).status()); // mt mkpartition 1: FDP
        assertEquals(ScsiStatus.GOOD, f.host.send(0x04, 0, 0x01, 0, 0, 0).status());
        byte[] d = data(f.host.send(0x1A, 0x08, 0x11, 0, 0xff, 0));
        assertEquals("110e0301" + "1c0309" + "00" + "1770" + "1770" + "00000000", hex(Arrays.copyOfRange(d, 4, 20)));
    }

    @Test
    void linuxStMkpartitionInGigabytesSizesPartitionOne() {
        assertEquals(ScsiStatus.GOOD, selectAsLinuxSt(0x3C, 0x09, 1).status()); // mt mkpartition 1000: IDP, GB
        assertEquals(ScsiStatus.GOOD, f.host.send(0x04, 0, 0x01, 0, 0, 0).status());
        byte[] d = data(f.host.send(0x1A, 0x08, 0x11, 0, 0xff, 0));
        assertEquals("110e0301" + "1c0309" + "00" + "2edf" + "0001" + "00000000", hex(Arrays.copyOfRange(d, 4, 20)));
    }

    @Test
    void mediumPartitionSelectShorterThanFixedPartIsInvalidPageLength() {
        byte[] p = TestInitiator.bytes(0x00, 0x00, 0x10, 0x00, 0x11, 0x04, 0x03, 0x00, 0x1C, 0x03);
        assertSense(f.host.send(TestInitiator.bytes(0x15, 0x10, 0, 0, p.length, 0), p), 5, 0x26, 0x00);
    }

    @Test
    void formatAwayFromBeginningIsPositionPastBeginning() {
        f.writeVariable(new byte[10]);
        assertSense(f.host.send(0x04, 0, 0x00, 0, 0, 0), 5, 0x3B, 0x0C);
    }

    @Test
    void setCapacityShrinksTheMedium() {
        assertEquals(ScsiStatus.GOOD, f.host.send(0x0B, 0, 0, 0x80, 0x00, 0).status());
        byte[] d = data(f.host.send(0x4D, 0, 0x71, 0, 0, 0, 0, 0x10, 0, 0));
        long max = org.vtl.scsi.Cdb.u32(d, 4 + 8 * 2 + 4);
        assertEquals(12_000_000L * 0x8000 / 0xFFFF, max, 1);
    }

    private ScsiResponse writeAttribute(int id, int format, byte[] value) {
        byte[] p = new byte[4 + 5 + value.length];
        org.vtl.scsi.Cdb.put32(p, 0, 5 + value.length);
        org.vtl.scsi.Cdb.put16(p, 4, id);
        p[6] = (byte) format;
        org.vtl.scsi.Cdb.put16(p, 7, value.length);
        System.arraycopy(value, 0, p, 9, value.length);
        return f.host.send(TestInitiator.bytes(0x8D, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, p.length, 0, 0), p);
    }

    @Test
    void hostAttributeRoundTrips() {
        assertEquals(ScsiStatus.GOOD, writeAttribute(0x0800, 1, "VTLTEST ".getBytes()).status());
        byte[] d = data(f.host.send(0x8C, 0x00, 0, 0, 0, 0, 0, 0, 0x08, 0x00, 0, 0, 0x10, 0, 0, 0));
        // 0800h first, then 0806h (the barcode the cartridge layer keeps): 13 + 5 + 32 bytes
        assertEquals("00000032" + "0800" + "01" + "0008" + hex("VTLTEST ".getBytes()) + "0806" + "01" + "0020",
                hex(Arrays.copyOf(d, 22)));
    }

    @Test
    void writingDeviceAttributeIsInvalidFieldInParameterList() {
        ScsiResponse r = writeAttribute(0x0000, 0, new byte[8]);
        assertSense(r, 5, 0x26, 0x00);
        assertEquals("800004", hex(Arrays.copyOfRange(r.sense(), 15, 18)));
    }

    @Test
    void partitionListReportsPartitionCount() {
        assertEquals("00020001", hex(data(f.host.send(0x8C, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0))));
    }

    @Test
    void readingAbsentFirstAttributeIsInvalidField() {
        assertSense(f.host.send(0x8C, 0x00, 0, 0, 0, 0, 0, 0, 0x08, 0x09, 0, 0, 0x10, 0, 0, 0), 5, 0x24, 0x00);
    }
}
