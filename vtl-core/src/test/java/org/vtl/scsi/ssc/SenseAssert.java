package org.vtl.scsi.ssc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TestInitiator;

final class SenseAssert {

    private SenseAssert() {
    }

    static void assertSense(ScsiResponse r, int key, int asc, int ascq) {
        assertEquals(ScsiStatus.CHECK_CONDITION, r.status(), "status");
        assertEquals(key, TestInitiator.senseKey(r), "sense key");
        assertEquals(asc, TestInitiator.asc(r), "ASC");
        assertEquals(ascq, TestInitiator.ascq(r), "ASCQ");
    }
}
