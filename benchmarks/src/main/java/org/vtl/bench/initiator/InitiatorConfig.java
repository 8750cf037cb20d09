package org.vtl.bench.initiator;

import java.net.InetSocketAddress;

/**
 * What the initiator proposes at login. Sizes are in bytes; {@code chapUser == null} means AuthMethod=None.
 *
 * @param portal                    the target's portal (loopback in the benchmarks)
 * @param initiatorName             our IQN
 * @param targetName                the target IQN
 * @param chapUser                  CHAP_N, or null for no authentication
 * @param chapSecret                the CHAP secret (ignored without a user)
 * @param maxRecvDataSegmentLength  what we declare we can receive per PDU
 * @param maxBurstLength            proposed MaxBurstLength
 * @param firstBurstLength          proposed FirstBurstLength
 * @param immediateData             proposed ImmediateData
 * @param initialR2t                proposed InitialR2T
 * @param maxOutstanding            commands this session keeps in flight at most (also capped by the CmdSN window)
 */
public record InitiatorConfig(
        InetSocketAddress portal,
        String initiatorName,
        String targetName,
        String chapUser,
        String chapSecret,
        int maxRecvDataSegmentLength,
        int maxBurstLength,
        int firstBurstLength,
        boolean immediateData,
        boolean initialR2t,
        int maxOutstanding) {

    public static final String DEFAULT_INITIATOR_NAME = "iqn.2026-11.org.vtl:bench-initiator";
    public static final int MAX_OUTSTANDING_LIMIT = 64;

    public InitiatorConfig {
        if (maxOutstanding < 1 || maxOutstanding > MAX_OUTSTANDING_LIMIT) {
            throw new IllegalArgumentException("maxOutstanding must be 1.." + MAX_OUTSTANDING_LIMIT);
        }
        if (maxRecvDataSegmentLength < 512 || maxRecvDataSegmentLength > 0xffffff) {
            throw new IllegalArgumentException("MaxRecvDataSegmentLength must be 512..2^24-1");
        }
    }

    /** Defaults that suit streaming tape I/O: large PDUs and bursts, immediate and unsolicited data allowed. */
    public static InitiatorConfig defaults(InetSocketAddress portal, String targetName) {
        return new InitiatorConfig(portal, DEFAULT_INITIATOR_NAME, targetName, null, null,
                256 * 1024, 1024 * 1024, 256 * 1024, true, false, 8);
    }

    public InitiatorConfig withChap(String user, String secret) {
        return new InitiatorConfig(portal, initiatorName, targetName, user, secret, maxRecvDataSegmentLength,
                maxBurstLength, firstBurstLength, immediateData, initialR2t, maxOutstanding);
    }

    public InitiatorConfig withDataTransfer(boolean immediate, boolean initialR2tRequired) {
        return new InitiatorConfig(portal, initiatorName, targetName, chapUser, chapSecret, maxRecvDataSegmentLength,
                maxBurstLength, firstBurstLength, immediate, initialR2tRequired, maxOutstanding);
    }

    public InitiatorConfig withBursts(int maxRecvDsl, int maxBurst, int firstBurst) {
        return new InitiatorConfig(portal, initiatorName, targetName, chapUser, chapSecret, maxRecvDsl,
                maxBurst, firstBurst, immediateData, initialR2t, maxOutstanding);
    }

    public InitiatorConfig withMaxOutstanding(int outstanding) {
        return new InitiatorConfig(portal, initiatorName, targetName, chapUser, chapSecret, maxRecvDataSegmentLength,
                maxBurstLength, firstBurstLength, immediateData, initialR2t, outstanding);
    }
}
