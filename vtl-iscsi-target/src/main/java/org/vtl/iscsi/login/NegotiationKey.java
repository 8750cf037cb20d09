package org.vtl.iscsi.login;

import java.util.HashMap;
import java.util.Map;

/**
 * The login and text keys this target knows (RFC 7143 13, RFC 7144 for iSCSIProtocolLevel), with how each
 * is negotiated, its default and its range. Any other key is answered NotUnderstood.
 */
public enum NegotiationKey {
    HEADER_DIGEST("HeaderDigest", Kind.LIST, "None", 0, 0, false),
    DATA_DIGEST("DataDigest", Kind.LIST, "None", 0, 0, false),
    MAX_CONNECTIONS("MaxConnections", Kind.MIN, "1", 1, 65535, true),
    SEND_TARGETS("SendTargets", Kind.TEXT_ONLY, null, 0, 0, false),
    TARGET_NAME("TargetName", Kind.INITIATOR_DECLARES, null, 0, 0, false),
    INITIATOR_NAME("InitiatorName", Kind.INITIATOR_DECLARES, null, 0, 0, false),
    TARGET_ALIAS("TargetAlias", Kind.TARGET_DECLARES, null, 0, 0, false),
    INITIATOR_ALIAS("InitiatorAlias", Kind.INITIATOR_DECLARES, null, 0, 0, false),
    TARGET_ADDRESS("TargetAddress", Kind.TARGET_DECLARES, null, 0, 0, false),
    TARGET_PORTAL_GROUP_TAG("TargetPortalGroupTag", Kind.TARGET_DECLARES, null, 0, 0, false),
    INITIAL_R2T("InitialR2T", Kind.OR, "Yes", 0, 0, true),
    IMMEDIATE_DATA("ImmediateData", Kind.AND, "Yes", 0, 0, true),
    MAX_RECV_DATA_SEGMENT_LENGTH("MaxRecvDataSegmentLength", Kind.BOTH_DECLARE, "8192", 512, 16777215, false),
    MAX_BURST_LENGTH("MaxBurstLength", Kind.MIN, "262144", 512, 16777215, true),
    FIRST_BURST_LENGTH("FirstBurstLength", Kind.MIN, "65536", 512, 16777215, true),
    DEFAULT_TIME2WAIT("DefaultTime2Wait", Kind.MAX, "2", 0, 3600, false),
    DEFAULT_TIME2RETAIN("DefaultTime2Retain", Kind.MIN, "20", 0, 3600, false),
    MAX_OUTSTANDING_R2T("MaxOutstandingR2T", Kind.MIN, "1", 1, 65535, true),
    DATA_PDU_IN_ORDER("DataPDUInOrder", Kind.OR, "Yes", 0, 0, true),
    DATA_SEQUENCE_IN_ORDER("DataSequenceInOrder", Kind.OR, "Yes", 0, 0, true),
    ERROR_RECOVERY_LEVEL("ErrorRecoveryLevel", Kind.MIN, "0", 0, 2, false),
    SESSION_TYPE("SessionType", Kind.INITIATOR_DECLARES, "Normal", 0, 0, false),
    AUTH_METHOD("AuthMethod", Kind.SECURITY, "None", 0, 0, false),
    IF_MARKER("IFMarker", Kind.AND, "No", 0, 0, false),
    OF_MARKER("OFMarker", Kind.AND, "No", 0, 0, false),
    IF_MARK_INT("IFMarkInt", Kind.IRRELEVANT, null, 0, 0, false),
    OF_MARK_INT("OFMarkInt", Kind.IRRELEVANT, null, 0, 0, false),
    TASK_REPORTING("TaskReporting", Kind.LIST, "RFC3720", 0, 0, true),
    ISCSI_PROTOCOL_LEVEL("iSCSIProtocolLevel", Kind.MIN, "0", 0, 31, false);

    /** How a key's result is found (RFC 7143 6.2). */
    public enum Kind {
        /** The responder picks the first value of the offered list it supports. */
        LIST,
        /** Boolean result: both Yes. */
        AND,
        /** Boolean result: either Yes. */
        OR,
        /** Numerical result: the smaller value. */
        MIN,
        /** Numerical result: the larger value. */
        MAX,
        /** Declared by the initiator only. */
        INITIATOR_DECLARES,
        /** Declared by the target only. */
        TARGET_DECLARES,
        /** Each side declares its own value (MaxRecvDataSegmentLength). */
        BOTH_DECLARE,
        /** Text-phase only (SendTargets). */
        TEXT_ONLY,
        /** Security negotiation stage only. */
        SECURITY,
        /** Obsolete keys answered Irrelevant (markers' intervals). */
        IRRELEVANT
    }

    private static final Map<String, NegotiationKey> BY_NAME = new HashMap<>();

    static {
        for (NegotiationKey k : values()) {
            if (BY_NAME.put(k.keyName, k) != null) {
                throw new ExceptionInInitializerError("duplicate key " + k.keyName);
            }
        }
    }

    private final String keyName;
    private final Kind kind;
    private final String defaultValue;
    private final int min;
    private final int max;
    private final boolean irrelevantInDiscovery;

    NegotiationKey(String keyName, Kind kind, String defaultValue, int min, int max, boolean irrelevantInDiscovery) {
        this.keyName = keyName;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.irrelevantInDiscovery = irrelevantInDiscovery;
    }

    public String keyName() {
        return keyName;
    }

    public Kind kind() {
        return kind;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** RFC 7143 13: "Irrelevant when SessionType=Discovery". */
    public boolean irrelevantInDiscovery() {
        return irrelevantInDiscovery;
    }

    /** The key for a name, or {@code null} for keys this target does not understand. */
    public static NegotiationKey of(String name) {
        return BY_NAME.get(name);
    }
}
