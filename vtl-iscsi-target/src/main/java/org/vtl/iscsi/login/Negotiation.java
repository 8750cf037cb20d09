package org.vtl.iscsi.login;

import org.vtl.iscsi.pdu.TextParameters;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operational key negotiation of one login (RFC 7143 6.2, 13): answers each key the initiator offers
 * with the result of the key's function, offers the target's own values where they differ from the defaults,
 * and finally yields {@link SessionParameters}. Pure; one instance per login.
 */
final class Negotiation {

    private static final String NOT_UNDERSTOOD = "NotUnderstood";
    private static final String IRRELEVANT = "Irrelevant";
    private static final String REJECT = "Reject";

    private final Map<NegotiationKey, String> ours = new EnumMap<>(NegotiationKey.class);
    private final Map<NegotiationKey, String> results = new EnumMap<>(NegotiationKey.class);
    private final Set<NegotiationKey> offered = EnumSet.noneOf(NegotiationKey.class);
    private final TargetParameters target;
    private boolean discovery;
    private boolean declaredReceiveLength;
    private boolean offersMade;

    Negotiation(TargetParameters target) {
        this.target = target;
        ours.put(NegotiationKey.MAX_CONNECTIONS, "1");
        ours.put(NegotiationKey.INITIAL_R2T, yesNo(target.initialR2T()));
        ours.put(NegotiationKey.IMMEDIATE_DATA, yesNo(target.immediateData()));
        ours.put(NegotiationKey.MAX_BURST_LENGTH, Integer.toString(target.maxBurstLength()));
        ours.put(NegotiationKey.FIRST_BURST_LENGTH, Integer.toString(target.firstBurstLength()));
        ours.put(NegotiationKey.DEFAULT_TIME2WAIT, Integer.toString(target.defaultTime2Wait()));
        ours.put(NegotiationKey.DEFAULT_TIME2RETAIN, Integer.toString(target.defaultTime2Retain()));
        ours.put(NegotiationKey.MAX_OUTSTANDING_R2T, Integer.toString(target.maxOutstandingR2T()));
        ours.put(NegotiationKey.DATA_PDU_IN_ORDER, "Yes");
        ours.put(NegotiationKey.DATA_SEQUENCE_IN_ORDER, "Yes");
        ours.put(NegotiationKey.ERROR_RECOVERY_LEVEL, "0");
        ours.put(NegotiationKey.IF_MARKER, "No");
        ours.put(NegotiationKey.OF_MARKER, "No");
        ours.put(NegotiationKey.ISCSI_PROTOCOL_LEVEL, "1");
        if (target.headerDigest() == DigestPolicy.REQUIRED) {
            ours.put(NegotiationKey.HEADER_DIGEST, "CRC32C");
        }
        if (target.dataDigest() == DigestPolicy.REQUIRED) {
            ours.put(NegotiationKey.DATA_DIGEST, "CRC32C");
        }
    }

    void discovery(boolean value) {
        this.discovery = value;
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    private List<String> supported(NegotiationKey key) {
        return switch (key) {
            case HEADER_DIGEST -> target.headerDigest().accepted();
            case DATA_DIGEST -> target.dataDigest().accepted();
            case TASK_REPORTING -> List.of("RFC3720");
            default -> List.of();
        };
    }

    /** Answers one key the initiator sent (not an identity or security key). */
    void negotiate(String name, String value, TextParameters answer) throws LoginException {
        NegotiationKey key = NegotiationKey.of(name);
        if (key == null) {
            answer.add(name, NOT_UNDERSTOOD);
            return;
        }
        if (offered.remove(key)) {
            acceptAnswer(key, value);
            return;
        }
        if (results.containsKey(key)) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "key " + name + " negotiated twice");
        }
        if (discovery && key.irrelevantInDiscovery()) {
            answer.add(name, IRRELEVANT);
            return;
        }
        switch (key.kind()) {
            case LIST -> answerList(key, value, answer);
            case AND, OR -> answerBoolean(key, value, answer);
            case MIN, MAX -> answerNumber(key, value, answer);
            case BOTH_DECLARE -> declareReceiveLength(value, answer);
            case INITIATOR_DECLARES -> results.put(key, value);
            case TARGET_DECLARES, TEXT_ONLY, IRRELEVANT, SECURITY -> answer.add(name, IRRELEVANT);
        }
    }

    private void answerList(NegotiationKey key, String value, TextParameters answer) {
        List<String> supported = supported(key);
        for (String item : value == null ? new String[0] : value.split(",")) {
            if (supported.contains(item)) {
                results.put(key, item);
                answer.add(key.keyName(), item);
                return;
            }
        }
        answer.add(key.keyName(), REJECT);
    }

    private void answerBoolean(NegotiationKey key, String value, TextParameters answer) {
        if (!"Yes".equals(value) && !"No".equals(value)) {
            answer.add(key.keyName(), REJECT);
            return;
        }
        boolean theirs = "Yes".equals(value);
        boolean mine = "Yes".equals(ours.get(key));
        boolean result = key.kind() == NegotiationKey.Kind.AND ? theirs && mine : theirs || mine;
        results.put(key, yesNo(result));
        answer.add(key.keyName(), yesNo(result));
    }

    private void answerNumber(NegotiationKey key, String value, TextParameters answer) {
        Integer theirs = number(key, value);
        if (theirs == null) {
            answer.add(key.keyName(), REJECT);
            return;
        }
        int mine = Integer.parseInt(ours.get(key));
        int result = key.kind() == NegotiationKey.Kind.MIN ? Math.min(theirs, mine) : Math.max(theirs, mine);
        results.put(key, Integer.toString(result));
        answer.add(key.keyName(), Integer.toString(result));
    }

    private static Integer number(NegotiationKey key, String value) {
        if (value == null || value.isEmpty() || value.length() > 10) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            return n < key.min() || n > key.max() ? null : (int) n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void declareReceiveLength(String value, TextParameters answer) {
        Integer theirs = number(NegotiationKey.MAX_RECV_DATA_SEGMENT_LENGTH, value);
        if (theirs == null) {
            answer.add(NegotiationKey.MAX_RECV_DATA_SEGMENT_LENGTH.keyName(), REJECT);
            return;
        }
        results.put(NegotiationKey.MAX_RECV_DATA_SEGMENT_LENGTH, Integer.toString(theirs));
        declareOurReceiveLength(answer);
    }

    private void declareOurReceiveLength(TextParameters answer) {
        if (!declaredReceiveLength && !discovery) {
            declaredReceiveLength = true;
            answer.add(NegotiationKey.MAX_RECV_DATA_SEGMENT_LENGTH.keyName(),
                    Integer.toString(target.maxRecvDataSegmentLength()));
        }
    }

    /** The initiator's answer to a value the target offered: the result of the key's function. */
    private void acceptAnswer(NegotiationKey key, String value) throws LoginException {
        String mine = ours.get(key);
        String result = switch (key.kind()) {
            case AND -> yesNo("Yes".equals(mine) && "Yes".equals(value));
            case OR -> yesNo("Yes".equals(mine) || "Yes".equals(value));
            case MIN, MAX -> {
                Integer theirs = number(key, value);
                if (theirs == null) {
                    throw new LoginException(LoginStatus.INITIATOR_ERROR, "bad answer " + key.keyName() + "=" + value);
                }
                int m = Integer.parseInt(mine);
                boolean min = key.kind() == NegotiationKey.Kind.MIN;
                yield Integer.toString(min ? Math.min(m, theirs) : Math.max(m, theirs));
            }
            default -> {
                if (key.kind() == NegotiationKey.Kind.LIST && !supported(key).contains(value)) {
                    throw new LoginException(LoginStatus.INITIATOR_ERROR, "unsupported " + key.keyName() + "=" + value);
                }
                yield value;
            }
        };
        results.put(key, result);
    }

    /**
     * Adds the target's offers for keys not yet negotiated whose target value differs from the default, and
     * the target's MaxRecvDataSegmentLength. Returns whether the initiator now owes answers.
     */
    boolean offer(TextParameters answer) {
        declareOurReceiveLength(answer);
        if (offersMade || discovery) {
            return !offered.isEmpty();
        }
        offersMade = true;
        for (Map.Entry<NegotiationKey, String> e : ours.entrySet()) {
            NegotiationKey key = e.getKey();
            if (!results.containsKey(key) && !e.getValue().equals(key.defaultValue())
                    && key != NegotiationKey.ISCSI_PROTOCOL_LEVEL) {
                offered.add(key);
                answer.add(key.keyName(), e.getValue());
            }
        }
        return !offered.isEmpty();
    }

    boolean awaitingAnswers() {
        return !offered.isEmpty();
    }

    /** Fails the login when a required digest ended up None (the initiator rejected CRC32C). */
    void checkRequiredDigests() throws LoginException {
        if (!discovery && target.headerDigest() == DigestPolicy.REQUIRED
                && !"CRC32C".equals(value(NegotiationKey.HEADER_DIGEST))
                || !discovery && target.dataDigest() == DigestPolicy.REQUIRED
                && !"CRC32C".equals(value(NegotiationKey.DATA_DIGEST))) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "this target requires CRC32C digests");
        }
    }

    private String value(NegotiationKey key) {
        return results.getOrDefault(key, key.defaultValue());
    }

    private int intValue(NegotiationKey key) {
        return Integer.parseInt(value(key));
    }

    SessionParameters result(SessionType type, String initiatorName, String initiatorAlias, String targetName) {
        int maxBurst = intValue(NegotiationKey.MAX_BURST_LENGTH);
        int firstBurst = Math.min(intValue(NegotiationKey.FIRST_BURST_LENGTH), maxBurst);
        int ourReceive = declaredReceiveLength ? target.maxRecvDataSegmentLength()
                : Integer.parseInt(NegotiationKey.MAX_RECV_DATA_SEGMENT_LENGTH.defaultValue());
        return new SessionParameters(type, initiatorName, initiatorAlias, targetName,
                "CRC32C".equals(value(NegotiationKey.HEADER_DIGEST)),
                "CRC32C".equals(value(NegotiationKey.DATA_DIGEST)),
                intValue(NegotiationKey.MAX_RECV_DATA_SEGMENT_LENGTH), ourReceive, maxBurst, firstBurst,
                "Yes".equals(value(NegotiationKey.INITIAL_R2T)), "Yes".equals(value(NegotiationKey.IMMEDIATE_DATA)),
                intValue(NegotiationKey.MAX_OUTSTANDING_R2T), intValue(NegotiationKey.ERROR_RECOVERY_LEVEL),
                intValue(NegotiationKey.DEFAULT_TIME2WAIT), intValue(NegotiationKey.DEFAULT_TIME2RETAIN),
                intValue(NegotiationKey.MAX_CONNECTIONS));
    }
}
