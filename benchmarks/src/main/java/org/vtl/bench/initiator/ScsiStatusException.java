package org.vtl.bench.initiator;

/** A command ended with a status other than GOOD; the result (with sense) is kept for the caller. */
public class ScsiStatusException extends RuntimeException {
    private final transient ScsiResult result;

    public ScsiStatusException(String what, ScsiResult result) {
        super(String.format("%s: status %02Xh response %02Xh %s", what, result.status(), result.response(),
                result.senseData() == null ? "(no sense)" : result.senseData()));
        this.result = result;
    }

    public ScsiResult result() {
        return result;
    }
}
