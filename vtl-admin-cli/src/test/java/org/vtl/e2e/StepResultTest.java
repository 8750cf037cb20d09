package org.vtl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vtl.e2e.StepResult.Verdict;

/** How the JUnit wrapper reads the harness's results.txt lines. */
class StepResultTest {

    @Test
    void passLineHasStepAndNoDetail() {
        assertEquals(new StepResult(Verdict.PASS, "pos.fsr-3-block", ""),
                StepResult.parse("PASS pos.fsr-3-block").orElseThrow());
    }

    @Test
    void failLineCarriesTheGuestsReasonAfterTheColon() {
        assertEquals(new StepResult(Verdict.FAIL, "pos.tell", "output does not match /At block 32\\./: I/O error"),
                StepResult.parse("FAIL pos.tell: output does not match /At block 32\\./: I/O error").orElseThrow());
    }

    @Test
    void expectedFailureKeepsTheListsReason() {
        StepResult result = StepResult.parse("XFAIL changer.position: rc=1 [expected on tgt: no POSITION TO ELEMENT]")
                .orElseThrow();
        assertEquals(Verdict.XFAIL, result.verdict());
        assertEquals("changer.position", result.step());
        assertEquals("rc=1 [expected on tgt: no POSITION TO ELEMENT]", result.detail());
    }

    @Test
    void noteInParenthesesBecomesTheDetail() {
        assertEquals(new StepResult(Verdict.XPASS, "pos.seek", "listed as expected to fail on tgt"),
                StepResult.parse("XPASS pos.seek (listed as expected to fail on tgt)").orElseThrow());
    }

    @Test
    void linesWithoutAVerdictAreIgnored() {
        assertTrue(StepResult.parse("INFO throughput tar write: 12 MB/s").isEmpty());
        assertTrue(StepResult.parse("PASS").isEmpty());
        assertTrue(StepResult.parse("").isEmpty());
    }
}
