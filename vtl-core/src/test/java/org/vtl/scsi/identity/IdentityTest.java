package org.vtl.scsi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vtl.cartridge.MediaType;
import org.vtl.library.ElementLayout;

class IdentityTest {

    @Test
    void serialNumbersAreStableTenCharacters() {
        String s = SerialNumber.derive("appliance-1", "default", "drive0");
        assertEquals(s, SerialNumber.derive("appliance-1", "default", "drive0"));
        assertEquals(SerialNumber.LENGTH, s.length());
        assertTrue(s.chars().allMatch(c -> Character.isDigit(c) || Character.isUpperCase(c)));
    }

    @Test
    void serialNumbersDifferPerApplianceAndRole() {
        Set<String> seen = new HashSet<>();
        for (String appliance : List.of("a1", "a2", "a3")) {
            for (String partition : List.of("default", "tenant")) {
                for (String role : List.of("changer", "drive0", "drive1", "drive2")) {
                    assertTrue(seen.add(SerialNumber.derive(appliance, partition, role)));
                }
            }
        }
        assertNotEquals(SerialNumber.derive("a1", "p", "drive1"), SerialNumber.derive("a1", "p", "drive2"));
    }

    @Test
    void ibmDrivesNameTheirGeneration() {
        DriveIdentity td9 = DriveIdentity.ibm(LtoGeneration.LTO9);
        assertEquals("IBM", td9.vendor());
        assertEquals("ULT3580-TD9", td9.product());
        assertEquals(4, td9.revision().length());
        assertEquals(0x800000, td9.maxBlockLength());
    }

    @Test
    void densityCodesFollowTheGeneration() {
        assertEquals(0x58, LtoGeneration.LTO5.densityCode());
        assertEquals(0x60, LtoGeneration.LTO9.densityCode());
    }

    @Test
    void lto9ReadsAndWritesOnlyOneGenerationBack() {
        assertTrue(LtoGeneration.LTO9.canWrite(MediaType.LTO8));
        assertFalse(LtoGeneration.LTO9.canRead(MediaType.LTO7));
    }

    @Test
    void lto7ReadsTwoGenerationsBackButWritesOne() {
        assertTrue(LtoGeneration.LTO7.canRead(MediaType.LTO5));
        assertFalse(LtoGeneration.LTO7.canWrite(MediaType.LTO5));
        assertTrue(LtoGeneration.LTO7.canWrite(MediaType.LTO6));
    }

    @Test
    void changerLayoutsUseTheirConventions() {
        ElementLayout ibm = ChangerIdentity.ibm3584().layout(4, 100, 8);
        assertEquals(0x0001, ibm.transportFirst());
        assertEquals(0x0101, ibm.dataTransferFirst());
        assertEquals(0x0300, ibm.importExportFirst());
        assertEquals(0x0400, ibm.storageFirst());
        ElementLayout stk = ChangerIdentity.stkL700().layout(4, 100, 8);
        assertEquals(500, stk.dataTransferFirst());
        assertEquals(1000, stk.storageFirst());
        assertEquals(10, stk.importExportFirst());
    }
}
