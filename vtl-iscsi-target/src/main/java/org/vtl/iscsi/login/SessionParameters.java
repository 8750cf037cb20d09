package org.vtl.iscsi.login;

/**
 * The outcome of a successful login: identities and the operational values in force (RFC 7143 13).
 *
 * @param initiatorMaxRecvDataSegmentLength the largest data segment the target may send
 * @param targetMaxRecvDataSegmentLength    the largest data segment the initiator may send
 */
public record SessionParameters(SessionType sessionType, String initiatorName, String initiatorAlias,
                                String targetName, boolean headerDigest, boolean dataDigest,
                                int initiatorMaxRecvDataSegmentLength, int targetMaxRecvDataSegmentLength,
                                int maxBurstLength, int firstBurstLength, boolean initialR2T, boolean immediateData,
                                int maxOutstandingR2T, int errorRecoveryLevel, int defaultTime2Wait,
                                int defaultTime2Retain, int maxConnections) {
}
