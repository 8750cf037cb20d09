package org.vtl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({"4096,4096,4KiB", "256KiB,262144,256KiB", "16GiB,17179869184,16GiB", "18TB,18000000000000,18TB",
            "1500GB,1500000000000,1500GB", "100,100,100B", "1 MiB,1048576,1MiB", "2kib,2048,2KiB", "0,0,0B"})
    void parsesUnitsAndPrintsTheLargestExactUnit(String text, long bytes, String printed) {
        ByteSize size = ByteSize.parse(text);
        assertEquals(bytes, size.bytes());
        assertEquals(printed, size.toString());
    }

    @ParameterizedTest
    @CsvSource({"big", "-1", "1.5GiB", "9999999999TiB", "1PB"})
    void refusesWhatIsNotASize(String text) {
        assertThrows(RuntimeException.class, () -> ByteSize.parse(text));
    }
}
