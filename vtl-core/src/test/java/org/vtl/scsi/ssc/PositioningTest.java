package org.vtl.scsi.ssc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vtl.scsi.TestInitiator.data;
import static org.vtl.scsi.TestInitiator.hex;
import static org.vtl.scsi.TestInitiator.information;
import static org.vtl.scsi.ssc.SenseAssert.assertSense;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;

/** Tape layout: blocks 0-2, filemark 3, blocks 4-5, filemark 6, EOD at 7. */
class PositioningTest {

    private final DriveFixture f = new DriveFixture().loaded(DriveFixture.TAPE);

    @BeforeEach
    void writeTwoFiles() {
        for (int i = 0; i < 3; i++) {
            f.writeVariable(new byte[100]);
        }
        f.writeFilemarks(1, false);
        f.writeVariable(new byte[100]);
        f.writeVariable(new byte[100]);
        f.writeFilemarks(1, false);
        f.rewind();
    }

    @Test
    void spaceFilemarksForwardEndsAfterTheFilemark() {
        assertEquals(ScsiStatus.GOOD, f.space(1, 1).status());
        assertEquals(4, f.position());
    }

    @Test
    void spaceBlocksIntoFilemarkReportsFilemarkAndResidue() {
        ScsiResponse r = f.space(0, 5);
        assertSense(r, 0, 0x00, 0x01);
        assertEquals((byte) 0x80, r.sense()[2]);
        assertEquals(2, information(r));
        assertEquals(4, f.position());
    }

    @Test
    void spaceBlocksBackwardToBeginningReportsEomAndNegativeResidue() {
        f.space(0, 2);
        ScsiResponse r = f.space(0, -5);
        assertSense(r, 0, 0x00, 0x04);
        assertEquals((byte) 0x40, r.sense()[2]);
        assertEquals(-3, information(r));
        assertEquals(0, f.position());
    }

    @Test
    void spaceFilemarksBackwardEndsBeforeTheFilemark() {
        f.space(3, 0);
        assertEquals(ScsiStatus.GOOD, f.space(1, -1).status());
        assertEquals(6, f.position());
    }

    @Test
    void spaceFilemarksPastEndOfDataIsBlankCheckWithResidue() {
        ScsiResponse r = f.space(1, 5);
        assertSense(r, 8, 0x00, 0x05);
        assertEquals(3, information(r));
        assertEquals(7, f.position());
    }

    @Test
    void spaceToEndOfDataAndReadPositionShortForm() {
        assertEquals(ScsiStatus.GOOD, f.space(3, 0).status());
        assertEquals("00000000" + "00000007" + "00000007" + "00000000" + "00000000",
                hex(data(f.host.send(0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
    }

    @Test
    void spaceSequentialFilemarksIsInvalidField() {
        assertSense(f.space(2, 1), 5, 0x24, 0x00);
    }

    @Test
    void space16CountsWithSixtyFourBits() {
        ScsiResponse r = f.host.send(0x91, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        assertEquals(ScsiStatus.GOOD, r.status());
        assertEquals(7, f.position());
    }

    @Test
    void readPositionAtBeginningSetsBop() {
        assertEquals("80000000" + "00000000" + "00000000" + "00000000" + "00000000",
                hex(data(f.host.send(0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
    }

    @Test
    void locateTenMovesToLogicalObject() {
        assertEquals(ScsiStatus.GOOD, f.host.send(0x2B, 0, 0, 0, 0, 0, 5, 0, 0, 0).status());
        assertEquals(5, f.position());
    }

    @Test
    void locatePastEndOfDataIsBlankCheckAtEndOfData() {
        assertSense(f.host.send(0x2B, 0, 0, 0, 0, 0, 50, 0, 0, 0), 8, 0x00, 0x05);
        assertEquals(7, f.position());
    }

    @Test
    void locateToMissingPartitionIsInvalidField() {
        ScsiResponse r = f.host.send(0x2B, 0x02, 0, 0, 0, 0, 0, 0, 3, 0);
        assertSense(r, 5, 0x24, 0x00);
        assertEquals("c00008", hex(Arrays.copyOfRange(r.sense(), 15, 18)));
    }

    @Test
    void readPositionLongFormReportsFileNumber() {
        f.host.send(0x2B, 0, 0, 0, 0, 0, 5, 0, 0, 0);
        assertEquals("00000000" + "00000000" + "0000000000000005" + "0000000000000001" + "0000000000000000",
                hex(data(f.host.send(0x34, 6, 0, 0, 0, 0, 0, 0, 0, 0))));
    }

    @Test
    void readPositionExtendedFormIsTruncatedToAllocationLength() {
        f.host.send(0x2B, 0, 0, 0, 0, 0, 2, 0, 0, 0);
        byte[] full = data(f.host.send(0x34, 8, 0, 0, 0, 0, 0, 0, 32, 0));
        assertEquals("0000001c00000000" + "0000000000000002" + "0000000000000002" + "0000000000000000", hex(full));
        assertEquals(8, data(f.host.send(0x34, 8, 0, 0, 0, 0, 0, 0, 8, 0)).length);
    }

    @Test
    void readPositionUnknownServiceActionIsInvalidField() {
        assertSense(f.host.send(0x34, 3, 0, 0, 0, 0, 0, 0, 0, 0), 5, 0x24, 0x00);
    }

    @Test
    void locateSixteenToLogicalFile() {
        assertEquals(ScsiStatus.GOOD, f.host.send(0x92, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0).status());
        assertEquals(4, f.position());
    }

    @Test
    void locateSixteenToEndOfData() {
        assertEquals(ScsiStatus.GOOD, f.host.send(0x92, 0x18, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).status());
        assertEquals(7, f.position());
    }

    @Test
    void eraseFromTheMiddleMovesEndOfData() {
        f.host.send(0x2B, 0, 0, 0, 0, 0, 4, 0, 0, 0);
        assertEquals(ScsiStatus.GOOD, f.host.send(0x19, 1, 0, 0, 0, 0).status());
        f.space(3, 0);
        assertEquals(4, f.position());
    }

    @Test
    void rewindReturnsToBeginning() {
        f.space(3, 0);
        assertEquals(ScsiStatus.GOOD, f.rewind().status());
        assertEquals(0, f.position());
    }
}
