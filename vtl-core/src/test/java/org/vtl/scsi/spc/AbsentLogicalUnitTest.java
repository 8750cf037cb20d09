package org.vtl.scsi.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vtl.scsi.TestInitiator.data;
import static org.vtl.scsi.TestInitiator.hex;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;

class AbsentLogicalUnitTest {

    private final TestInitiator host = new TestInitiator(new AbsentLogicalUnit(LunInventory.of(List.of(0L, 1L))),
            "h", 9);

    @Test
    void inquiryReportsNoLogicalUnitQualifier() {
        byte[] d = data(host.send(0x12, 0, 0, 0, 36, 0));
        assertEquals(36, d.length);
        assertEquals(0x7F, d[0]);
    }

    @Test
    void reportLunsListsTheTargetsLuns() {
        assertEquals("00000010" + "00000000" + "0000000000000000" + "0001000000000000",
                hex(data(host.send(0xA0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0))));
    }

    @Test
    void otherCommandsAreLogicalUnitNotSupported() {
        ScsiResponse r = host.send(0x00, 0, 0, 0, 0, 0);
        assertEquals(ScsiStatus.CHECK_CONDITION, r.status());
        assertEquals(5, TestInitiator.senseKey(r));
        assertEquals(0x25, TestInitiator.asc(r));
    }
}
