package org.vtl.bench.initiator;

/**
 * The operational parameters in force after login (RFC 7143 section 13).
 *
 * @param targetMaxRecvDataSegmentLength the largest data segment we may send (declared by the target)
 * @param maxRecvDataSegmentLength       the largest data segment the target may send us (declared by us)
 * @param maxBurstLength                 negotiated: the minimum of both proposals
 * @param firstBurstLength               negotiated: the minimum, at most MaxBurstLength
 * @param immediateData                  negotiated: Yes only if both said Yes
 * @param initialR2t                     negotiated: Yes if either said Yes
 * @param tsih                           the session handle the target assigned
 */
public record SessionParameters(
        int targetMaxRecvDataSegmentLength,
        int maxRecvDataSegmentLength,
        int maxBurstLength,
        int firstBurstLength,
        boolean immediateData,
        boolean initialR2t,
        int tsih) {
}
