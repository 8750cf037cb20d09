package org.vtl.iscsi.login;

import org.vtl.iscsi.pdu.LoginRequest;
import org.vtl.iscsi.pdu.LoginResponse;
import org.vtl.iscsi.pdu.TextParameters;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The target side of one connection's login phase (RFC 7143 6.3, 7.1.3, 12): identifies the initiator and
 * target, runs the security stage (AuthMethod None or CHAP, ACL), the operational stage ({@link Negotiation}),
 * and transits to full feature phase. Pure: it turns Login Requests into Login Responses and never touches
 * the network. One instance per connection, used on its event loop.
 */
public final class LoginStateMachine {

    /** Stages as CSG/NSG encode them (RFC 7143 11.12.3). */
    public static final int SECURITY = 0;
    public static final int OPERATIONAL = 1;
    public static final int FULL_FEATURE = 3;
    /** The longest login text accepted across C-bit continuations. */
    public static final int MAX_TEXT = 64 * 1024;

    /** What login needs from the rest of the target. */
    public interface Directory {
        /** The target with that name, or {@code null}. */
        TargetPolicy target(String name);

        /** How discovery sessions authenticate. */
        TargetAuth discoveryAuth();

        /** True if a session with this TSIH exists. */
        boolean sessionExists(int tsih);

        /** A fresh, non-zero TSIH. */
        int newTsih();

        /**
         * Whether a new session of this initiator may start now (a reinstatement of one of its sessions always may);
         * refused with {@link LoginStatus#OUT_OF_RESOURCES} when the target's session limit is reached.
         */
        default boolean admits(SessionType type, long isid, String initiatorName, String targetName) {
            return true;
        }
    }

    /** Where the login stands after a request. */
    public enum Outcome { CONTINUE, COMPLETE, FAILED }

    /**
     * @param parameters the negotiated values, with {@link Outcome#COMPLETE} only
     * @param status     the login status sent
     * @param reason     why a login failed, for the log
     */
    public record Step(LoginResponse response, Outcome outcome, SessionParameters parameters, LoginStatus status,
                       String reason) {
    }

    private enum Auth { START, CHAP_ALGORITHM, CHAP_RESPONSE, DONE }

    private final TargetParameters parameters;
    private final Directory directory;
    private final int commandWindow;
    private final Negotiation negotiation;
    private final Chap chap;
    private final List<byte[]> pendingText = new ArrayList<>();
    private int pendingLength;
    private boolean first = true;
    private boolean firstResponse = true;
    private int stage = SECURITY;
    private Auth auth = Auth.START;
    private TargetAuth targetAuth;
    private SessionType sessionType;
    private String initiatorName;
    private String initiatorAlias;
    private TargetPolicy target;
    private long isid;
    private int tsih;
    private int cid;
    private int statSn;

    public LoginStateMachine(TargetParameters parameters, Directory directory, int commandWindow,
                             SecureRandom random) {
        this.parameters = parameters;
        this.directory = directory;
        this.commandWindow = commandWindow;
        this.negotiation = new Negotiation(parameters);
        this.chap = new Chap(random);
    }

    /** The StatSN the next response after login will carry. */
    public int nextStatSn() {
        return statSn;
    }

    public TargetPolicy target() {
        return target;
    }

    public long isid() {
        return isid;
    }

    public int tsih() {
        return tsih;
    }

    public Step process(LoginRequest request) {
        try {
            if (first) {
                begin(request);
            } else if (request.isid() != isid || request.cid() != cid) {
                throw new LoginException(LoginStatus.INITIATOR_ERROR, "ISID or CID changed during login");
            }
            if (request.cont()) {
                collect(request.text());
                return respond(request, false, 0, new TextParameters(), Outcome.CONTINUE, null);
            }
            collect(request.text());
            TextParameters keys = TextParameters.parse(drainText());
            if (first) {
                identify(keys);
                first = false;
            }
            return advance(request, keys);
        } catch (LoginException e) {
            return fail(request, e.status(), e.getMessage());
        }
    }

    private void begin(LoginRequest request) throws LoginException {
        statSn = request.expStatSn();
        isid = request.isid();
        tsih = request.tsih();
        cid = request.cid();
        if (request.versionMin() > 0) {
            throw new LoginException(LoginStatus.UNSUPPORTED_VERSION, "Version-min " + request.versionMin());
        }
        if (tsih != 0) {
            throw new LoginException(directory.sessionExists(tsih) ? LoginStatus.TOO_MANY_CONNECTIONS
                    : LoginStatus.SESSION_DOES_NOT_EXIST, "adding connections is not supported (MaxConnections=1)");
        }
    }

    private void collect(byte[] text) throws LoginException {
        pendingLength += text.length;
        if (pendingLength > MAX_TEXT) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "login text over " + MAX_TEXT + " bytes");
        }
        pendingText.add(text);
    }

    private byte[] drainText() {
        byte[] all = new byte[pendingLength];
        int at = 0;
        for (byte[] part : pendingText) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        pendingText.clear();
        pendingLength = 0;
        return all;
    }

    private void identify(TextParameters keys) throws LoginException {
        initiatorName = keys.get("InitiatorName");
        initiatorAlias = keys.get("InitiatorAlias");
        if (initiatorName == null || initiatorName.isEmpty()) {
            throw new LoginException(LoginStatus.MISSING_PARAMETER, "InitiatorName missing");
        }
        String type = keys.get("SessionType");
        sessionType = type == null ? SessionType.NORMAL : SessionType.of(type);
        if (sessionType == null) {
            throw new LoginException(LoginStatus.SESSION_TYPE_NOT_SUPPORTED, "SessionType " + type);
        }
        negotiation.discovery(sessionType == SessionType.DISCOVERY);
        if (sessionType == SessionType.DISCOVERY) {
            targetAuth = directory.discoveryAuth();
            return;
        }
        String targetName = keys.get("TargetName");
        if (targetName == null || targetName.isEmpty()) {
            throw new LoginException(LoginStatus.MISSING_PARAMETER, "TargetName missing");
        }
        target = directory.target(targetName);
        if (target == null) {
            throw new LoginException(LoginStatus.NOT_FOUND, "no target " + targetName);
        }
        if (!target.acl().allows(initiatorName)) {
            throw new LoginException(LoginStatus.AUTHORIZATION_FAILURE, initiatorName + " not in the ACL of "
                    + targetName);
        }
        targetAuth = target.auth();
    }

    private Step advance(LoginRequest request, TextParameters keys) throws LoginException {
        if (request.csg() != stage && !(stage == SECURITY && request.csg() == OPERATIONAL)) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "CSG " + request.csg() + " in stage " + stage);
        }
        if (request.csg() == OPERATIONAL && stage == SECURITY) {
            skipSecurity();
        }
        TextParameters answer = new TextParameters();
        if (firstResponse && sessionType == SessionType.NORMAL) {
            answer.add("TargetPortalGroupTag", Integer.toString(parameters.portalGroupTag()));
            if (target.alias() != null) {
                answer.add("TargetAlias", target.alias());
            }
        }
        if (stage == SECURITY) {
            security(keys, answer);
        } else {
            operational(keys, answer);
        }
        return transit(request, answer);
    }

    /** The initiator went straight to the operational stage: only allowed where None is. */
    private void skipSecurity() throws LoginException {
        if (!targetAuth.allowNone()) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "authentication required");
        }
        auth = Auth.DONE;
        stage = OPERATIONAL;
    }

    private void security(TextParameters keys, TextParameters answer) throws LoginException {
        for (TextParameters.Entry e : keys.entries()) {
            switch (e.key()) {
                case "AuthMethod" -> chooseAuthMethod(e.value(), answer);
                case "CHAP_A" -> {
                    if (auth != Auth.CHAP_ALGORITHM) {
                        throw new LoginException(LoginStatus.INITIATOR_ERROR, "unexpected CHAP_A");
                    }
                    chap.challenge(e.value(), answer);
                    auth = Auth.CHAP_RESPONSE;
                }
                case "CHAP_N", "CHAP_R", "CHAP_I", "CHAP_C" -> {
                    if (auth != Auth.CHAP_RESPONSE) {
                        throw new LoginException(LoginStatus.INITIATOR_ERROR, "unexpected " + e.key());
                    }
                }
                default -> operationalKey(e, answer);
            }
        }
        if (auth == Auth.CHAP_RESPONSE && keys.get("CHAP_R") != null) {
            chap.verify(keys, targetAuth.initiatorChap(), targetAuth.targetChap(), answer);
            auth = Auth.DONE;
        }
    }

    private void chooseAuthMethod(String offered, TextParameters answer) throws LoginException {
        if (auth != Auth.START) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "AuthMethod negotiated twice");
        }
        for (String method : offered == null ? new String[0] : offered.split(",")) {
            if (method.equals("CHAP") && targetAuth.initiatorChap() != null) {
                answer.add("AuthMethod", "CHAP");
                auth = Auth.CHAP_ALGORITHM;
                return;
            }
            if (method.equals("None") && targetAuth.allowNone()) {
                answer.add("AuthMethod", "None");
                auth = Auth.DONE;
                return;
            }
        }
        answer.add("AuthMethod", "Reject");
        throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "no acceptable AuthMethod in " + offered);
    }

    private void operational(TextParameters keys, TextParameters answer) throws LoginException {
        for (TextParameters.Entry e : keys.entries()) {
            if (e.key().equals("AuthMethod") || e.key().startsWith("CHAP_")) {
                throw new LoginException(LoginStatus.INITIATOR_ERROR, e.key() + " outside the security stage");
            }
            operationalKey(e, answer);
        }
    }

    private void operationalKey(TextParameters.Entry e, TextParameters answer) throws LoginException {
        switch (e.key()) {
            case "InitiatorName", "InitiatorAlias", "SessionType", "TargetName" -> {
                // Identity keys were taken from the first request (RFC 7143 13.5: declared once).
            }
            default -> negotiation.negotiate(e.key(), e.value(), answer);
        }
    }

    private Step transit(LoginRequest request, TextParameters answer) throws LoginException {
        if (!request.transit()) {
            return respond(request, false, 0, answer, Outcome.CONTINUE, null);
        }
        int next = request.nsg();
        if (next <= request.csg() || next == 2) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "NSG " + next + " after CSG " + request.csg());
        }
        if (stage == SECURITY) {
            if (auth == Auth.START) {
                skipSecurityAtTransit();
            } else if (auth != Auth.DONE) {
                return respond(request, false, 0, answer, Outcome.CONTINUE, null);
            }
        }
        if (next == FULL_FEATURE && negotiation.offer(answer)) {
            return respond(request, false, 0, answer, Outcome.CONTINUE, null);
        }
        if (next != FULL_FEATURE) {
            stage = next;
            return respond(request, true, next, answer, Outcome.CONTINUE, null);
        }
        negotiation.checkRequiredDigests();
        if (!directory.admits(sessionType, isid, initiatorName, target == null ? null : target.name())) {
            // RFC 7143 11.13.5: 0302h "Out of resources: the target has insufficient session, connection, or
            // other resources"; 0206h "Too many connections" is about connections of one session (MC/S)
            throw new LoginException(LoginStatus.OUT_OF_RESOURCES, "session limit reached");
        }
        tsih = directory.newTsih();
        SessionParameters result = negotiation.result(sessionType, initiatorName, initiatorAlias,
                target == null ? null : target.name());
        stage = FULL_FEATURE;
        return respond(request, true, FULL_FEATURE, answer, Outcome.COMPLETE, result);
    }

    private void skipSecurityAtTransit() throws LoginException {
        if (!targetAuth.allowNone()) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "authentication required");
        }
        auth = Auth.DONE;
    }

    private Step respond(LoginRequest request, boolean transit, int nsg, TextParameters answer, Outcome outcome,
                         SessionParameters result) {
        firstResponse = false;
        int expCmdSn = request.cmdSn();
        int maxCmdSn = outcome == Outcome.COMPLETE ? expCmdSn + commandWindow - 1 : expCmdSn;
        LoginResponse response = new LoginResponse(transit, false, request.csg(), transit ? nsg : 0, 0, 0, isid,
                outcome == Outcome.COMPLETE ? tsih : request.tsih(), request.initiatorTaskTag(), statSn++, expCmdSn,
                maxCmdSn, 0, 0, answer.toBytes());
        return new Step(response, outcome, result, LoginStatus.SUCCESS, null);
    }

    private Step fail(LoginRequest request, LoginStatus status, String reason) {
        // RFC 7143 11.13.4: StatSN is only meaningful with Status-Class 0; send 0 as jSCSI and others expect.
        LoginResponse response = new LoginResponse(false, false, request.csg(), 0, 0, 0, request.isid(),
                request.tsih(), request.initiatorTaskTag(), 0, request.cmdSn(), request.cmdSn(),
                status.statusClass(), status.statusDetail(), new byte[0]);
        return new Step(response, Outcome.FAILED, null, status, reason);
    }

    /** The initiator name from the first request, once known. */
    public String initiatorName() {
        return initiatorName;
    }

    public SessionType sessionType() {
        return sessionType;
    }
}
