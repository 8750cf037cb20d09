package org.vtl.bench.initiator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChapTest {
    /** Expected value computed independently: md5(bytes([7]) + b'benchsecret12' + challenge) in Python. */
    @Test
    void responseIsMd5OfIdentifierSecretAndChallengeInHex() {
        assertEquals("0x18ecdc57e80f8ddc8de57ff583ba4596",
                Chap.responseValue("7", "benchsecret12", "0x00112233445566778899aabbccddeeff"));
    }

    @Test
    void challengeMayBeWrittenInBase64() {
        assertArrayEquals(new byte[] {0x00, 0x11, 0x22}, Chap.decodeBinary("0bABEi"));
    }

    @Test
    void identifierAboveOneOctetIsRefused() {
        assertThrows(IscsiException.class, () -> Chap.responseValue("256", "s", "0x00"));
    }
}
