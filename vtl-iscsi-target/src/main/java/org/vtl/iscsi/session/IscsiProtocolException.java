package org.vtl.iscsi.session;

import org.vtl.iscsi.pdu.RejectReason;

/**
 * A protocol violation by the initiator, in the two kinds RFC 7143 knows: {@link #reject} answers the PDU with a
 * Reject (11.17) and keeps the connection; {@link #connectionError} closes it (ERL 0: the connection cannot be
 * recovered). Thrown by the full feature phase's handlers and turned into PDUs or a close in one place.
 */
public final class IscsiProtocolException extends RuntimeException {

    private final RejectReason reason;
    private final byte[] rejectedHeader;

    private IscsiProtocolException(String message, RejectReason reason, byte[] rejectedHeader) {
        super(message, null, false, false);
        this.reason = reason;
        this.rejectedHeader = rejectedHeader;
    }

    /** Reject the PDU whose 48-byte BHS is given; the session goes on. */
    public static IscsiProtocolException reject(RejectReason reason, byte[] bhs) {
        return new IscsiProtocolException(reason.name(), reason, bhs);
    }

    /** Close the connection. */
    public static IscsiProtocolException connectionError(String message) {
        return new IscsiProtocolException(message, null, null);
    }

    /** The Reject reason, or {@code null} for a connection error. */
    public RejectReason reason() {
        return reason;
    }

    public byte[] rejectedHeader() {
        return rejectedHeader;
    }

    public boolean closesConnection() {
        return reason == null;
    }
}
