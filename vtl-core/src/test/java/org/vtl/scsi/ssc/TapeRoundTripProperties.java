package org.vtl.scsi.ssc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever sequence of variable blocks and filemarks is written, reading it back the way {@code st} does
 * (variable READ of 64 KiB with SILI) returns each block exactly, reports each filemark once, and ends with
 * BLANK CHECK at end-of-data; READ POSITION counts every logical object.
 */
class TapeRoundTripProperties {

    private static final int READ_LENGTH = 64 * 1024;

    /** Each element: 0 = a filemark, n > 0 = a block of n bytes. */
    @Property(tries = 60)
    void writtenSequenceReadsBackExactly(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5000) Integer> items) {
        DriveFixture f = new DriveFixture().loaded(DriveFixture.TAPE);
        int seed = 0;
        for (int item : items) {
            ScsiResponse r = item == 0 ? f.writeFilemarks(1, false)
                    : f.writeVariable(DriveFixture.pattern(item, ++seed));
            assertEquals(ScsiStatus.GOOD, r.status());
        }
        assertEquals(items.size(), f.position());
        f.rewind();
        seed = 0;
        for (int item : items) {
            ScsiResponse r = f.readVariable(READ_LENGTH, true);
            if (item == 0) {
                assertEquals(ScsiStatus.CHECK_CONDITION, r.status());
                assertEquals((byte) 0x80, r.sense()[2], "FILEMARK");
                assertEquals(1, TestInitiator.ascq(r));
            } else {
                assertEquals(ScsiStatus.GOOD, r.status());
                assertArrayEquals(DriveFixture.pattern(item, ++seed), TestInitiator.data(r));
            }
        }
        ScsiResponse end = f.readVariable(READ_LENGTH, true);
        assertEquals(8, TestInitiator.senseKey(end));
        assertEquals(5, TestInitiator.ascq(end));
    }
}
