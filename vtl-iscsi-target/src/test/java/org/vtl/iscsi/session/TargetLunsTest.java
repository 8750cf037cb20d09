package org.vtl.iscsi.session;

import org.junit.jupiter.api.Test;
import org.vtl.scsi.ScsiResponse;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** LUN addressing (SAM-5 4.7) and the transport's REPORT LUNS (SPC-5 6.33). */
class TargetLunsTest {

    @Test
    void peripheralAndFlatSpaceAddressingRoundTrip() {
        for (long lun : List.of(0L, 1L, 255L, 256L, 16383L)) {
            assertEquals(lun, TargetLuns.decode(TargetLuns.encode(lun)));
        }
        assertEquals(0x0001_0000_0000_0000L, TargetLuns.encode(1));
        assertEquals(0x4100_0000_0000_0000L, TargetLuns.encode(256));
    }

    @Test
    void otherAddressingMethodsAreNotDecoded() {
        assertEquals(-1, TargetLuns.decode(0x8001_0000_0000_0000L));
        assertEquals(-1, TargetLuns.decode(0x0001_0000_0000_0001L));
        assertEquals(-1, TargetLuns.decode(0x0101_0000_0000_0000L));
    }

    @Test
    void reportLunsIsTruncatedToTheAllocationLength() {
        byte[] cdb = new byte[12];
        cdb[0] = (byte) 0xa0;
        cdb[9] = 16;
        ScsiResponse r = TargetLuns.reportLuns(cdb, new TreeSet<>(Set.of(0L, 1L, 2L)));
        assertArrayEquals(new byte[]{0, 0, 0, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, r.dataIn().toByteArray());
    }

    @Test
    void absentLunSenseIsLogicalUnitNotSupported() {
        byte[] sense = TargetLuns.lunNotSupported().sense();
        assertEquals(0x70, sense[0]);
        assertEquals(0x05, sense[2]);
        assertEquals(0x25, sense[12]);
        assertEquals(0x00, sense[13]);
    }

    @Test
    void cdbLengthFollowsTheGroupCode() {
        assertEquals(6, TargetLuns.cdbLength(0x0a));
        assertEquals(10, TargetLuns.cdbLength(0x34));
        assertEquals(10, TargetLuns.cdbLength(0x5a));
        assertEquals(16, TargetLuns.cdbLength(0x88));
        assertEquals(12, TargetLuns.cdbLength(0xa0));
    }
}
