package org.vtl.bench.initiator;

/** A protocol failure: login refused, Reject received, connection lost or a malformed PDU from the target. */
public class IscsiException extends RuntimeException {
    public IscsiException(String message) {
        super(message);
    }

    public IscsiException(String message, Throwable cause) {
        super(message, cause);
    }
}
