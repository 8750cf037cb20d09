package org.vtl.iscsi.session;

import org.vtl.iscsi.login.LoginStatus;
import org.vtl.iscsi.pdu.Opcode;
import org.vtl.iscsi.pdu.RejectReason;

/** What sessions and connections report; the server implements it with Micrometer meters. */
public interface SessionMetrics {

    void sessionOpened(boolean discovery);

    void sessionClosed(boolean discovery);

    void pduReceived(Opcode opcode, int dataBytes);

    void pduSent(Opcode opcode, int dataBytes);

    void rejected(RejectReason reason);

    void loginFailed(LoginStatus status);

    /** A non-immediate PDU outside the CmdSN window, silently dropped (RFC 7143 4.2.2.1). */
    void outOfWindow();

    /** One command's time from dispatch to the logical unit until its response. */
    void commandCompleted(String target, long lun, long nanos);

    /** A handler failed unexpectedly and the connection was closed (a bug, never a peer's fault). */
    void internalError();

    /** A metrics sink that records nothing (tests). */
    SessionMetrics NONE = new SessionMetrics() {
        @Override
        public void sessionOpened(boolean discovery) {
        }

        @Override
        public void sessionClosed(boolean discovery) {
        }

        @Override
        public void pduReceived(Opcode opcode, int dataBytes) {
        }

        @Override
        public void pduSent(Opcode opcode, int dataBytes) {
        }

        @Override
        public void rejected(RejectReason reason) {
        }

        @Override
        public void loginFailed(LoginStatus status) {
        }

        @Override
        public void outOfWindow() {
        }

        @Override
        public void commandCompleted(String target, long lun, long nanos) {
        }

        @Override
        public void internalError() {
        }
    };
}
