package org.vtl.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuClockTest {
    @Test
    void statFieldsFourteenAndFifteenAreUserAndSystemTicks() {
        String stat = "4242 (tgt d (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 100 0 0";
        assertEquals(3_000_000_000L, CpuClock.parseStat(stat, 100), "(250 + 50) ticks at 100 Hz");
    }
}
