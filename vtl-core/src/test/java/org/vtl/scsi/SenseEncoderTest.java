package org.vtl.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SenseEncoderTest {

    @Test
    void fixedFormatCarriesKeyAscAscqAndAdditionalLength() {
        byte[] s = SenseEncoder.encode(SenseData.of(SenseCode.MEDIUM_NOT_PRESENT), false);
        assertEquals("700002000000000a000000003a0000000000", TestInitiator.hex(s));
    }

    @Test
    void fixedFormatSetsValidFilemarkAndNegativeInformation() {
        SenseData d = SenseData.of(SenseCode.FILEMARK_DETECTED).withFilemark().withInformation(-3);
        byte[] s = SenseEncoder.encode(d, false);
        assertEquals("f00080fffffffd0a00000000000100000000", TestInitiator.hex(s));
    }

    @Test
    void fixedFormatSetsEomAndIliBits() {
        SenseData d = SenseData.of(SenseCode.VOLUME_OVERFLOW).withEndOfMedium().withIncorrectLength()
                .withInformation(7);
        byte[] s = SenseEncoder.encode(d, false);
        assertEquals((byte) 0x6d, s[2]);
        assertEquals(7, s[6]);
    }

    @Test
    void fieldPointerSetsSksvCdBpvAndBitPointer() {
        byte[] s = SenseEncoder.encode(ScsiException.invalidCdbField(4, 5).sense(), false);
        assertEquals("cd0004", TestInitiator.hex(new byte[] {s[15], s[16], s[17]}));
        assertEquals(0x24, s[12]);
    }

    @Test
    void parameterListFieldPointerHasCdClearAndNoBitWhenWholeByte() {
        byte[] s = SenseEncoder.encode(ScsiException.invalidParameterField(0x0102, -1).sense(), false);
        assertEquals("800102", TestInitiator.hex(new byte[] {s[15], s[16], s[17]}));
    }

    @Test
    void descriptorFormatHasInformationSenseKeySpecificAndStreamDescriptors() {
        SenseData d = SenseData.of(SenseCode.FILEMARK_DETECTED).withFilemark().withInformation(2)
                .withFieldPointer(new SenseData.FieldPointer(true, 2, -1));
        byte[] s = SenseEncoder.encode(d, true);
        assertEquals("7200000100000018" + "000a8000" + "0000000000000002"
                + "02060000c0000200" + "04020080", TestInitiator.hex(s));
    }

    @Test
    void senseCodesAreLookedUpByKeyAscAscq() {
        assertEquals(SenseCode.VOLUME_OVERFLOW, SenseCode.of(0xD, 0x00, 0x02));
        assertEquals(SenseCode.END_OF_PARTITION_DETECTED, SenseCode.of(0x0, 0x00, 0x02));
        assertEquals(null, SenseCode.of(0x5, 0x99, 0x99));
    }
}
