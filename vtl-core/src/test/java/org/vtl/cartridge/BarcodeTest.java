package org.vtl.cartridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BarcodeTest {

    @Test
    void suffixDeterminesMediaType() {
        assertEquals(new Barcode("ABC123L9", MediaType.LTO9, false), Barcode.of("ABC123L9"));
        assertEquals(MediaType.LTO5, Barcode.of("0000L5").mediaType());
        assertEquals(MediaType.LTO7, Barcode.of("XY1234L7").mediaType());
    }

    @Test
    void wormSuffixesNameWormMediaOfTheirGeneration() {
        Barcode b = Barcode.of("WRM001LZ");
        assertEquals(MediaType.LTO9, b.mediaType());
        assertTrue(b.worm());
        assertEquals(MediaType.LTO5, Barcode.of("WRM001LV").mediaType());
        assertEquals("LX", Barcode.suffix(MediaType.LTO7, true));
        assertEquals("L8", Barcode.suffix(MediaType.LTO8, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "L9", "ABCL9", "ABCDEFGL9", "abc123L9", "ABC12 L9", "../12L9", "AB/12L9", "ABC.12L9",
        "ABC123L4", "ABC123LA", "ABC123X9", "ABC123", "ABC\u00C4L9", "ABC\n12L9"})
    void labelsThatAreNotLtoBarcodesAreRejected(String label) {
        assertFalse(Barcode.isValid(label));
        assertTrue(Barcode.parse(label).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Barcode.of(label));
    }

    @Test
    void nullIsNotABarcode() {
        assertFalse(Barcode.isValid(null));
    }

    @Test
    void aBarcodeWhoseMediaTypeContradictsItsSuffixCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Barcode("ABC123L9", MediaType.LTO8, false));
        assertThrows(IllegalArgumentException.class, () -> new Barcode("ABC123L9", MediaType.LTO9, true));
    }
}
