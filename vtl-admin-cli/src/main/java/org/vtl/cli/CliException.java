package org.vtl.cli;

/** A refused or failed command: the one line to print and the exit code (1 refused, 2 usage). */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code of a refused or failed operation. */
    public static final int REFUSED = 1;
    /** Exit code of a usage error. */
    public static final int USAGE = 2;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static CliException refused(String message) {
        return new CliException(REFUSED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
