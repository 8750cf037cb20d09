package org.vtl.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Scenario S = new Scenario(262144, 2, Corpus.Kind.RANDOM, true, 4, 1 << 20);

    private static ScenarioResult row(String target, double write, double read) {
        return new ScenarioResult(target, S, write, read, write / 2, read / 2, 1, 1, 2, 2, 1.0, false, true, "");
    }

    @Test
    void withoutAnApplianceRowTheReportSaysNotAvailableAndGivesNoRatio() {
        String md = new Report(List.of(row("tgt", 300, 600))).markdown("not available (portal down)");
        assertTrue(md.contains("**appliance: not available (portal down)**"), md);
        assertFalse(md.contains("appliance/tgt write |"), md);
    }

    @Test
    void ratiosPairTheApplianceWithTgtOnTheSameScenarioAndRawDiskOnTheSameBlockSize() {
        Scenario raw = new Scenario(262144, 2, Corpus.Kind.RANDOM, false, 4, 1 << 20);
        ScenarioResult disk = new ScenarioResult("raw-direct", raw, 1200, 2400, 1200, 2400, 0.1, 0.1, Double.NaN,
                Double.NaN, Double.NaN, false, true, "");
        String md = new Report(List.of(row("tgt", 300, 600), row("appliance", 600, 1200), disk)).markdown("up");
        assertTrue(md.contains("| 256 KiB | 2 | random | on | 4 | 2.00x | 2.00x | 0.50x | 0.50x |"), md);
    }

    @Test
    void csvHasOneLinePerResultAndEmptyCellsForUnmeasuredValues() {
        String csv = new Report(List.of(ScenarioResult.failed("appliance", S, "connection refused"))).csv();
        String[] lines = csv.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith("appliance,262144,2,random,true,4,1048576,,,"), lines[1]);
        assertTrue(lines[1].endsWith(",false,false,\"connection refused\""), lines[1]);
    }
}
