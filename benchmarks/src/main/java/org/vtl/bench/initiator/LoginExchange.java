package org.vtl.bench.initiator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

import org.vtl.iscsi.pdu.Opcode;

/**
 * The login phase of one leading connection (RFC 7143 sections 6.3 and 11.12/11.13): security negotiation with
 * AuthMethod None or CHAP (MD5), then operational negotiation, then Full Feature Phase. Runs in the caller's
 * thread before the session's receiver starts.
 */
final class LoginExchange {
    private static final int SECURITY = 0;
    private static final int OPERATIONAL = 1;
    private static final int FULL_FEATURE = 3;
    private static final int TRANSIT = 0x80;
    private static final int CONTINUE = 0x40;
    private static final int LOGIN_ITT = 0x4c4f4731;
    private static final int MAX_ROUNDS = 16;

    private final PduChannel channel;
    private final InitiatorConfig config;
    private final byte[] isid;
    private final ByteBuffer header = ByteBuffer.allocateDirect(Bhs.LENGTH);
    private final ByteBuffer response = ByteBuffer.allocateDirect(Bhs.LENGTH);
    private final ByteBuffer data = ByteBuffer.allocateDirect(64 * 1024);
    private int cmdSn = 1;
    private int expStatSn;
    private int maxCmdSn = 1;
    private int tsih;
    private int responseFlags;

    LoginExchange(PduChannel channel, InitiatorConfig config, byte[] isid) {
        this.channel = channel;
        this.config = config;
        this.isid = isid.clone();
    }

    int cmdSn() {
        return cmdSn;
    }

    int maxCmdSn() {
        return maxCmdSn;
    }

    int expStatSn() {
        return expStatSn;
    }

    SessionParameters run() throws IOException {
        security();
        return operational();
    }

    private void security() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("InitiatorName", config.initiatorName());
        keys.put("SessionType", "Normal");
        keys.put("TargetName", config.targetName());
        boolean chap = config.chapUser() != null;
        keys.put("AuthMethod", chap ? "CHAP,None" : "None");
        SequencedMap<String, String> answer = exchange(SECURITY, OPERATIONAL, !chap, keys);
        if (transitTo(OPERATIONAL)) {
            return;
        }
        String method = answer.getOrDefault("AuthMethod", "None");
        if (!"CHAP".equals(method)) {
            answer = exchange(SECURITY, OPERATIONAL, true, Map.of());
        } else {
            answer = exchange(SECURITY, OPERATIONAL, false, Map.of("CHAP_A", Chap.ALGORITHM_MD5));
            if (!Chap.ALGORITHM_MD5.equals(answer.get("CHAP_A")) || !answer.containsKey("CHAP_C")) {
                throw new IscsiException("target offered no CHAP MD5 challenge: " + answer);
            }
            Map<String, String> reply = new LinkedHashMap<>();
            reply.put("CHAP_N", config.chapUser());
            reply.put("CHAP_R", Chap.responseValue(answer.get("CHAP_I"), config.chapSecret(), answer.get("CHAP_C")));
            exchange(SECURITY, OPERATIONAL, true, reply);
        }
        for (int round = 0; !transitTo(OPERATIONAL); round++) {
            if (round > MAX_ROUNDS) {
                throw new IscsiException("target never left security negotiation");
            }
            exchange(SECURITY, OPERATIONAL, true, Map.of());
        }
    }

    private SessionParameters operational() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("HeaderDigest", "None");
        keys.put("DataDigest", "None");
        keys.put("MaxConnections", "1");
        keys.put("InitialR2T", yesNo(config.initialR2t()));
        keys.put("ImmediateData", yesNo(config.immediateData()));
        keys.put("MaxRecvDataSegmentLength", Integer.toString(config.maxRecvDataSegmentLength()));
        keys.put("MaxBurstLength", Integer.toString(config.maxBurstLength()));
        keys.put("FirstBurstLength", Integer.toString(config.firstBurstLength()));
        keys.put("DefaultTime2Wait", "0");
        keys.put("DefaultTime2Retain", "0");
        keys.put("MaxOutstandingR2T", "1");
        keys.put("DataPDUInOrder", "Yes");
        keys.put("DataSequenceInOrder", "Yes");
        keys.put("ErrorRecoveryLevel", "0");
        Map<String, String> agreed = new LinkedHashMap<>(exchange(OPERATIONAL, FULL_FEATURE, true, keys));
        for (int round = 0; !transitTo(FULL_FEATURE); round++) {
            if (round > MAX_ROUNDS) {
                throw new IscsiException("target never entered Full Feature Phase");
            }
            agreed.putAll(exchange(OPERATIONAL, FULL_FEATURE, true, Map.of()));
        }
        return negotiated(agreed);
    }

    private SessionParameters negotiated(Map<String, String> t) {
        if (!"None".equals(t.getOrDefault("HeaderDigest", "None"))
                || !"None".equals(t.getOrDefault("DataDigest", "None"))) {
            throw new IscsiException("target insists on digests, which this initiator does not implement: " + t);
        }
        int targetMrdsl = intKey(t, "MaxRecvDataSegmentLength", 8192);
        int maxBurst = Math.min(config.maxBurstLength(), intKey(t, "MaxBurstLength", config.maxBurstLength()));
        int firstBurst = Math.min(config.firstBurstLength(),
                intKey(t, "FirstBurstLength", config.firstBurstLength()));
        boolean immediate = config.immediateData() && !"No".equals(t.getOrDefault("ImmediateData", "Yes"));
        boolean initialR2t = config.initialR2t() || !"No".equals(t.getOrDefault("InitialR2T", "Yes"));
        return new SessionParameters(targetMrdsl, config.maxRecvDataSegmentLength(), maxBurst,
                Math.min(firstBurst, maxBurst), immediate, initialR2t, tsih);
    }

    private static int intKey(Map<String, String> keys, String key, int otherwise) {
        String v = keys.get(key);
        if (v == null || "Irrelevant".equals(v) || "NotUnderstood".equals(v)) {
            return otherwise;
        }
        return Integer.parseInt(v);
    }

    private boolean transitTo(int stage) {
        return (responseFlags & TRANSIT) != 0 && (responseFlags & 0x03) == stage;
    }

    private SequencedMap<String, String> exchange(int csg, int nsg, boolean transit, Map<String, String> keys)
            throws IOException {
        SequencedMap<String, String> answer = new LinkedHashMap<>();
        send(csg, nsg, transit, keys);
        receive(answer);
        while ((responseFlags & CONTINUE) != 0) {
            send(csg, nsg, false, Map.of());
            receive(answer);
        }
        return answer;
    }

    private void send(int csg, int nsg, boolean transit, Map<String, String> keys) throws IOException {
        Bhs.start(header, Opcode.LOGIN_REQUEST, true, (transit ? TRANSIT | nsg : 0) | csg << 2);
        header.put(2, (byte) 0).put(3, (byte) 0);
        header.put(Bhs.LUN_OFFSET, isid);
        header.putShort(Bhs.LUN_OFFSET + 6, (short) tsih);
        header.putInt(Bhs.ITT_OFFSET, LOGIN_ITT);
        header.putInt(Bhs.WORD24_OFFSET, cmdSn);
        header.putInt(Bhs.WORD28_OFFSET, expStatSn);
        channel.send(header, keys.isEmpty() ? null : ByteBuffer.wrap(TextKeys.encode(keys)));
    }

    private void receive(Map<String, String> into) throws IOException {
        response.clear();
        channel.readFully(response);
        if (Bhs.opcode(response) != Opcode.LOGIN_RESPONSE) {
            throw new IscsiException("expected a Login Response, got opcode " + (response.get(0) & 0x3f));
        }
        channel.skip(Bhs.totalAhsBytes(response));
        int length = Bhs.dataSegmentLength(response);
        if (length > data.capacity()) {
            throw new IscsiException("login text of " + length + " bytes is too long");
        }
        data.clear().limit(length + Bhs.padding(length));
        channel.readFully(data);
        data.flip().limit(length);
        int statusClass = response.get(36) & 0xff;
        int statusDetail = response.get(37) & 0xff;
        if (statusClass != 0) {
            throw new IscsiException(String.format("login refused: status class %d detail %d (%s)",
                    statusClass, statusDetail, statusClass == 2 ? "initiator error, e.g. authentication" : "target"));
        }
        responseFlags = Bhs.flags(response);
        tsih = response.getShort(Bhs.LUN_OFFSET + 6) & 0xffff;
        expStatSn = response.getInt(Bhs.WORD24_OFFSET) + 1;
        cmdSn = response.getInt(Bhs.WORD28_OFFSET);
        maxCmdSn = response.getInt(Bhs.MAX_CMD_SN_OFFSET);
        into.putAll(TextKeys.decode(data));
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }
}
