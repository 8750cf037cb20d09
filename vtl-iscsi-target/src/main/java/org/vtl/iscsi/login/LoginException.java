package org.vtl.iscsi.login;

/** A login that must end with a non-success status (RFC 7143 11.13.5); the connection closes after it. */
public final class LoginException extends Exception {

    private final LoginStatus status;

    public LoginException(LoginStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public LoginStatus status() {
        return status;
    }
}
