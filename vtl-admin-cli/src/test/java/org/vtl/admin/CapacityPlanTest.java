package org.vtl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CapacityPlanTest {

    private static final long TB = 1_000_000_000_000L;

    private static PoolView pool(long free, double ratio) {
        return new PoolView("online", 100 * TB, 100 * TB - free, free, ratio, 262144, List.of());
    }

    @Test
    void formulaKeepsFullsAndIncrementalsGrownOverTheYears() {
        // (10 TB x 4 + 1 TB x 6 x 4) x 1.2^3 = 64 TB x 1.728 = 110.592 TB
        CapacityPlan.Answer a = CapacityPlan.answer(new CapacityPlan.Request(10 * TB, 4, TB, 6, 20, 3, 2.0), null);
        assertEquals(110_592_000_000_000L, a.nativeBytes());
        assertEquals(55_296_000_000_000L, a.storedBytes());
        assertEquals("given", a.ratioSource());
        assertNull(a.fits());
    }

    @Test
    void withoutARatioThePoolsMeasuredOneIsUsed() {
        CapacityPlan.Answer a = CapacityPlan.answer(new CapacityPlan.Request(10 * TB, 1, 0, 0, 0, 0, null),
                pool(50 * TB, 2.5));
        assertEquals("measured", a.ratioSource());
        assertEquals(4 * TB, a.storedBytes());
        assertEquals(Boolean.TRUE, a.fits());
        assertEquals(0L, a.shortfallBytes());
    }

    @Test
    void withoutARatioOrAPoolNoCompressionIsAssumed() {
        CapacityPlan.Answer a = CapacityPlan.answer(new CapacityPlan.Request(TB, 1, 0, 0, 0, 0, null), null);
        assertEquals("assumed", a.ratioSource());
        assertEquals(TB, a.storedBytes());
    }

    @Test
    void shortfallIsWhatThePoolLacks() {
        CapacityPlan.Answer a = CapacityPlan.answer(new CapacityPlan.Request(10 * TB, 2, 0, 0, 0, 0, 1.0),
                pool(15 * TB, 1.0));
        assertEquals(Boolean.FALSE, a.fits());
        assertEquals(5 * TB, a.shortfallBytes());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(ApiException.class, () -> CapacityPlan.answer(new CapacityPlan.Request(TB, 0, 0, 0, 0, 0, null),
                null));
        assertThrows(ApiException.class, () -> CapacityPlan.answer(new CapacityPlan.Request(TB, 1, 0, 0, 0, 0, 0.5),
                null));
    }
}
