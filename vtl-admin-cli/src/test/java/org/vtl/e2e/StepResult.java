package org.vtl.e2e;

import java.util.Optional;

/**
 * One line of the harness's {@code results.txt}: the verdict on one scenario step after the host has applied
 * the target's expected-failure list.
 *
 * @param verdict what happened to the step
 * @param step    the step's name, e.g. {@code pos.fsr-3-block}
 * @param detail  the guest's reason (for failures) or the host's note, empty when none
 */
record StepResult(Verdict verdict, String step, String detail) {

    /** The verdicts run-e2e.sh writes. */
    enum Verdict {
        /** The step passed. */
        PASS,
        /** The step passed although the target's list expects it to fail: the list is stale. */
        XPASS,
        /** The step failed and the target's list does not expect it: the build fails. */
        FAIL,
        /** The step failed as the target's list expects (a known weakness of that target). */
        XFAIL,
        /** The guest skipped the step (a prerequisite the host could not provide). */
        SKIP,
        /** The step is on the expected-failure list but the guest never reached it. */
        NOTRUN
    }

    /**
     * Parses one results line: a verdict word, the step name, then an optional ": reason" or "(note)".
     *
     * @param line a line of results.txt
     * @return the result, or empty when the line does not start with a verdict
     */
    static Optional<StepResult> parse(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(trimmed.substring(0, space));
        } catch (IllegalArgumentException notAVerdict) {
            return Optional.empty();
        }
        String rest = trimmed.substring(space + 1).strip();
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ' ' && rest.charAt(end) != ':') {
            end++;
        }
        String step = rest.substring(0, end);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        String detail = rest.substring(end).strip();
        if (detail.startsWith(":")) {
            detail = detail.substring(1).strip();
        } else if (detail.startsWith("(") && detail.endsWith(")")) {
            detail = detail.substring(1, detail.length() - 1);
        }
        return Optional.of(new StepResult(verdict, step, detail));
    }
}
