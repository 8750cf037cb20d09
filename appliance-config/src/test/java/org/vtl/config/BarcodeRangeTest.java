package org.vtl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class BarcodeRangeTest {

    @Test
    void rangeCountsTheDigitRunKeepingLeadingZeros() {
        BarcodeRange r = BarcodeRange.parse("VTL000L9-VTL019L9");
        assertEquals(new BarcodeRange("VTL", 0, 19, 3, "L9"), r);
        assertEquals(20, r.count());
        assertEquals("VTL000L9", r.barcodes().getFirst());
        assertEquals("VTL019L9", r.barcodes().getLast());
    }

    @Test
    void rangeCarriesAcrossDigitsOfTheCommonPrefix() {
        assertEquals(List.of("ZZA009L9", "ZZA010L9"), BarcodeRange.parse("ZZA009L9-ZZA010L9").barcodes());
    }

    @Test
    void singleBarcodeIsARangeOfOne() {
        BarcodeRange r = BarcodeRange.parse("ABC123L9");
        assertEquals(1, r.count());
        assertEquals(List.of("ABC123L9"), r.barcodes());
        assertEquals("ABC123L9", r.toString());
    }

    @Test
    void barcodeWithoutDigitsIsARangeOfOne() {
        assertEquals(List.of("CLEAN"), BarcodeRange.parse("CLEAN").barcodes());
    }

    @Test
    void rangePrintsAsFirstDashLast() {
        assertEquals("A00L9-A09L9", BarcodeRange.parse("A00L9-A09L9").toString());
    }

    @Test
    void lowerCaseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BarcodeRange.parse("abc000l9"));
    }

    @Test
    void barcodeLongerThanSixteenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BarcodeRange.parse("A".repeat(17)));
    }
}
