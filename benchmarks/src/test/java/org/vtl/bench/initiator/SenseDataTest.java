package org.vtl.bench.initiator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SenseDataTest {
    @Test
    void fixedFormatFilemarkWithInformation() {
        byte[] s = new byte[18];
        s[0] = (byte) 0xf0;            // valid, response code 70h
        s[2] = (byte) 0x80;            // FILEMARK, sense key NO SENSE
        s[6] = 0x10;                   // INFORMATION = 16
        s[7] = 10;                     // additional length
        s[12] = 0x00;
        s[13] = 0x01;                  // 00h/01h FILEMARK DETECTED
        SenseData d = SenseData.parse(s);
        assertTrue(d.filemark());
        assertEquals(SenseData.NO_SENSE, d.senseKey());
        assertEquals(16, d.information());
        assertEquals(1, d.ascq());
    }

    @Test
    void descriptorFormatStreamCommandsDescriptorCarriesIli() {
        byte[] s = {0x72, 0x05, 0x24, 0x00, 0, 0, 0, 16,
            0x00, 0x0a, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0x0c, 0x18, // information = 3096
            0x04, 0x02, 0, 0x20};                                     // stream commands: ILI
        SenseData d = SenseData.parse(s);
        assertEquals(SenseData.ILLEGAL_REQUEST, d.senseKey());
        assertEquals(0x24, d.asc());
        assertTrue(d.ili());
        assertFalse(d.filemark());
        assertEquals(3096, d.information());
    }

    @Test
    void tooShortSenseIsNotParsed() {
        assertNull(SenseData.parse(new byte[] {0x70, 0, 2}));
    }
}
