package org.vtl.scsi.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vtl.cartridge.memory.MemoryCartridgeStore;
import org.vtl.library.LibraryException;
import org.vtl.library.memory.MemoryLibraryStateStore;
import org.vtl.scsi.TestInitiator;
import org.vtl.scsi.identity.ChangerIdentity;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.identity.LtoGeneration;

class PartitionDevicesTest {

    private final MemoryCartridgeStore cartridges = new MemoryCartridgeStore();
    private final MemoryLibraryStateStore state = new MemoryLibraryStateStore();

    private PartitionDevices create() {
        return PartitionDevices.create("appliance-1", "default", ChangerIdentity.ibm3584(),
                List.of(DriveIdentity.ibm(LtoGeneration.LTO8), DriveIdentity.hp(LtoGeneration.LTO9)), 24, 4,
                cartridges, state, Runnable::run);
    }

    @Test
    void lunsAreChangerThenDrivesThenAbsent() {
        PartitionDevices p = create();
        assertEquals(List.of(0L, 1L, 2L), p.luns().luns());
        assertSame(p.changer(), p.unit(0));
        assertSame(p.drives().get(1), p.unit(2));
        assertEquals(0x1F, p.unit(3).peripheralDeviceType());
        assertEquals(0x08, p.unit(0).peripheralDeviceType());
        assertEquals(0x01, p.unit(1).peripheralDeviceType());
    }

    @Test
    void driveElementsReportTheirLunAndSerial() {
        PartitionDevices p = create();
        TestInitiator h = new TestInitiator(p.changer(), "h").clearUnitAttentions();
        byte[] d = TestInitiator.data(h.send(0xB8, 0x04, 0x01, 0x02, 0, 1, 0x01, 0, 0xff, 0xff, 0, 0));
        assertEquals(0x12, d[16 + 6]); // LU VALID, LUN 2
        assertEquals("HPE     Ultrium 9-SCSI  " + p.drives().get(1).inquiryData().serial(), new String(d, 16 + 16, 34));
    }

    @Test
    void recreatedDevicesHaveTheSameSerialsAndElements() throws LibraryException {
        cartridges.add("PDV001L8");
        PartitionDevices first = create();
        first.changer().addToStorage("PDV001L8");
        first.shutdown();
        PartitionDevices second = create();
        assertEquals(first.drives().get(0).inquiryData().serial(), second.drives().get(0).inquiryData().serial());
        assertEquals(first.changer().inquiryData().serial(), second.changer().inquiryData().serial());
        assertEquals(first.changer().inventory(), second.changer().inventory());
    }
}
