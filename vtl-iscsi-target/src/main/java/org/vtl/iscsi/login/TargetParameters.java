package org.vtl.iscsi.login;

/**
 * The target's side of the operational negotiation (RFC 7143 13): what it accepts and prefers.
 *
 * @param maxRecvDataSegmentLength this target's receive limit, declared to the initiator
 * @param portalGroupTag           the TargetPortalGroupTag sent in the first login response
 */
public record TargetParameters(DigestPolicy headerDigest, DigestPolicy dataDigest, int maxRecvDataSegmentLength,
                               int maxBurstLength, int firstBurstLength, boolean initialR2T, boolean immediateData,
                               int maxOutstandingR2T, int defaultTime2Wait, int defaultTime2Retain,
                               int portalGroupTag) {

    public TargetParameters {
        checkRange("MaxRecvDataSegmentLength", maxRecvDataSegmentLength, 512, 0xff_ffff);
        checkRange("MaxBurstLength", maxBurstLength, 512, 0xff_ffff);
        checkRange("FirstBurstLength", firstBurstLength, 512, maxBurstLength);
        checkRange("MaxOutstandingR2T", maxOutstandingR2T, 1, 65535);
        checkRange("DefaultTime2Wait", defaultTime2Wait, 0, 3600);
        checkRange("DefaultTime2Retain", defaultTime2Retain, 0, 3600);
        checkRange("TargetPortalGroupTag", portalGroupTag, 0, 65535);
    }

    private static void checkRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " " + value + " outside " + min + ".." + max);
        }
    }
}
