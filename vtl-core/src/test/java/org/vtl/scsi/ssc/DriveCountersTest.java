package org.vtl.scsi.ssc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vtl.scsi.ScsiStatus;

/** The per-drive counters the appliance's meters and {@code vtl stats} read. */
class DriveCountersTest {

    private final DriveFixture f = new DriveFixture().loaded(DriveFixture.TAPE);

    @Test
    void acceptedWritesCountTheirBytesAndBlocks() {
        f.writeVariable(DriveFixture.pattern(1000, 1));
        f.setBlockLength(512);
        assertEquals(ScsiStatus.GOOD, f.writeFixed(3, DriveFixture.pattern(1536, 2)).status());
        assertEquals(2536, f.drive.counters().bytesWritten());
        assertEquals(4, f.drive.counters().blocksWritten());
    }

    @Test
    void readsCountTheBytesReturnedToTheInitiator() {
        f.writeVariable(DriveFixture.pattern(1000, 3));
        f.writeVariable(DriveFixture.pattern(200, 4));
        f.rewind();
        f.readVariable(1000, false);
        f.readVariable(500, true); // a 200-byte block read with SILI: 200 bytes go back
        assertEquals(1200, f.drive.counters().bytesRead());
        assertEquals(2, f.drive.counters().blocksRead());
    }

    @Test
    void aFilemarkReadCountsNoBlock() {
        f.writeFilemarks(1, false);
        f.rewind();
        f.readVariable(1000, false);
        assertEquals(0, f.drive.counters().blocksRead());
        assertEquals(0, f.drive.counters().bytesRead());
    }

    @Test
    void storedBytesOfTheMountedCartridgeAndOfUnloadedOnesAddUp() {
        f.writeVariable(DriveFixture.pattern(1000, 5));
        assertEquals(1000, f.drive.counters().bytesStored(), "the mounted cartridge's counters, read live");
        f.drive.remove();
        f.loaded("TAPE02L8");
        f.writeVariable(DriveFixture.pattern(300, 6));
        assertEquals(1300, f.drive.counters().bytesStored());
        assertEquals(1.0, f.drive.counters().compressionRatio());
    }

    @Test
    void writesBeforeThisDriveMountedTheCartridgeAreNotItsOwn() {
        f.writeVariable(DriveFixture.pattern(1000, 7));
        f.drive.remove();
        f.loaded(DriveFixture.TAPE);
        assertEquals(1000, f.drive.counters().bytesStored(), "the remount adds nothing: the 1000 bytes were counted");
    }
}
