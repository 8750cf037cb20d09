package org.vtl.bench.initiator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextKeysTest {
    @Test
    void pairsAreNulTerminatedInOrder() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("HeaderDigest", "None");
        keys.put("MaxBurstLength", "262144");
        assertEquals("HeaderDigest=None\0MaxBurstLength=262144\0",
                new String(TextKeys.encode(keys), StandardCharsets.UTF_8));
    }

    @Test
    void decodeKeepsOrderAndValuesWithEqualsSigns() {
        var keys = TextKeys.decode(ByteBuffer.wrap("A=1\0CHAP_C=0b+/=\0".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("A", "CHAP_C"), List.copyOf(keys.keySet()));
        assertEquals("0b+/=", keys.get("CHAP_C"));
    }

    @Test
    void aPairWithoutEqualsIsAProtocolError() {
        assertThrows(IscsiException.class,
                () -> TextKeys.decode(ByteBuffer.wrap("Garbage\0".getBytes(StandardCharsets.UTF_8))));
    }
}
