package org.vtl.appliance;

/**
 * The appliance cannot start or go on: the message is one line an operator can act on (what is wrong and
 * what to do), printed without a stack trace.
 */
public final class ApplianceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ApplianceException(String message) {
        super(message, null, false, false);
    }

    public ApplianceException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
