package org.vtl.iscsi.server;

/**
 * One open session as the admin API shows it.
 *
 * @param tsih           the target session identifying handle
 * @param initiatorName  the initiator's iSCSI name
 * @param isid           the initiator session ID, 12 hex digits
 * @param targetName     the target IQN; {@code null} for discovery sessions
 * @param discovery      a discovery session
 * @param remoteAddress  the initiator's address and port
 */
public record SessionInfo(int tsih, String initiatorName, String isid, String targetName, boolean discovery,
                          String remoteAddress) {
}
