package org.vtl.iscsi.session;

import org.vtl.iscsi.login.SessionParameters;
import org.vtl.iscsi.login.SessionType;
import org.vtl.scsi.Nexus;

/**
 * One iSCSI session (RFC 7143 3.4): an initiator (name + ISID) and a target, identified by its TSIH, with the
 * negotiated parameters. At ErrorRecoveryLevel 0 with MaxConnections=1 a session has exactly one
 * {@link Connection} and ends with it.
 */
public final class Session {

    private final int tsih;
    private final long isid;
    private final SessionParameters parameters;
    private final Nexus nexus;
    private final Connection connection;

    Session(int tsih, long isid, SessionParameters parameters, int portalGroupTag, Connection connection) {
        this.tsih = tsih;
        this.isid = isid;
        this.parameters = parameters;
        this.connection = connection;
        String target = parameters.targetName() == null ? "" : parameters.targetName();
        this.nexus = new Nexus(parameters.initiatorName() + ",i,0x" + String.format("%012x", isid),
                target + ",t,0x" + String.format("%04x", portalGroupTag));
    }

    public int tsih() {
        return tsih;
    }

    public long isid() {
        return isid;
    }

    public SessionParameters parameters() {
        return parameters;
    }

    public Nexus nexus() {
        return nexus;
    }

    public boolean discovery() {
        return parameters.sessionType() == SessionType.DISCOVERY;
    }

    /** The target name; {@code null} for discovery sessions. */
    public String targetName() {
        return parameters.targetName();
    }

    /** The initiator's address and port. */
    public String remoteAddress() {
        return connection.remoteAddress();
    }

    /** Asks the initiator to log out within {@code seconds}, then closes; from any thread. */
    public void requestLogout(int seconds, String reason) {
        connection.requestLogoutFromAnyThread(seconds, reason);
    }

    /** Closes the session's connection from any thread. */
    public void close(String reason) {
        connection.closeFromAnyThread(reason);
    }

    @Override
    public String toString() {
        return "Session[tsih=" + tsih + ", " + nexus.initiatorPort() + " -> " + targetName() + "]";
    }
}
