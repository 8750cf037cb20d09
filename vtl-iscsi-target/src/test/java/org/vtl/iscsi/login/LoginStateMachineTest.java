package org.vtl.iscsi.login;

import org.junit.jupiter.api.Test;
import org.vtl.iscsi.pdu.LoginRequest;
import org.vtl.iscsi.pdu.TextParameters;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login phase without a network (RFC 7143 6.3, 12.1.3, 13). */
class LoginStateMachineTest {

    private static final String TARGET = "iqn.2026-11.org.vtl:t";
    private static final TargetParameters PARAMETERS = new TargetParameters(DigestPolicy.OPTIONAL,
            DigestPolicy.OPTIONAL, 262144, 262144, 65536, true, true, 1, 2, 20, 7);

    private static LoginStateMachine machine(TargetAuth auth, InitiatorAcl acl) {
        return machine(auth, acl, true);
    }

    private static LoginStateMachine machine(TargetAuth auth, InitiatorAcl acl, boolean admits) {
        return new LoginStateMachine(PARAMETERS, new LoginStateMachine.Directory() {
            @Override
            public TargetPolicy target(String name) {
                return name.equals(TARGET) ? new TargetPolicy(TARGET, "alias", auth, acl) : null;
            }

            @Override
            public TargetAuth discoveryAuth() {
                return TargetAuth.none();
            }

            @Override
            public boolean sessionExists(int tsih) {
                return tsih == 9;
            }

            @Override
            public int newTsih() {
                return 42;
            }

            @Override
            public boolean admits(SessionType type, long isid, String initiatorName, String targetName) {
                return admits;
            }
        }, 16, new SecureRandom());
    }

    private static LoginRequest request(boolean transit, int csg, int nsg, String text) {
        return new LoginRequest(transit, false, csg, nsg, 0, 0, 0x400000000001L, 0, 7, 1, 100, 5,
                text.replace('|', '\0').getBytes());
    }

    @Test
    void plainLoginCompletesWithTsihWindowAndTargetDeclarations() {
        LoginStateMachine m = machine(TargetAuth.none(), InitiatorAcl.allowAll());
        var step = m.process(request(true, 1, 3, "InitiatorName=iqn.i:x|TargetName=" + TARGET
                + "|MaxRecvDataSegmentLength=8192|DefaultTime2Retain=20|"));
        assertEquals(LoginStateMachine.Outcome.COMPLETE, step.outcome());
        assertEquals(42, step.response().tsih());
        assertEquals(5, step.response().statSn(), "StatSN starts at the request's ExpStatSN");
        assertEquals(100, step.response().expCmdSn());
        assertEquals(115, step.response().maxCmdSn());
        TextParameters t = TextParameters.parse(step.response().text());
        assertEquals("7", t.get("TargetPortalGroupTag"));
        assertEquals("alias", t.get("TargetAlias"));
        assertEquals("262144", t.get("MaxRecvDataSegmentLength"));
        SessionParameters p = step.parameters();
        assertEquals(8192, p.initiatorMaxRecvDataSegmentLength());
        assertEquals(262144, p.targetMaxRecvDataSegmentLength());
        assertEquals(6, m.nextStatSn());
    }

    @Test
    void continuedTextIsCollectedBeforeItIsRead() {
        LoginStateMachine m = machine(TargetAuth.none(), InitiatorAcl.allowAll());
        var first = m.process(new LoginRequest(true, true, 1, 3, 0, 0, 1, 0, 7, 1, 100, 5,
                "InitiatorName=iqn.i:x\0Target".getBytes()));
        assertEquals(LoginStateMachine.Outcome.CONTINUE, first.outcome());
        assertEquals(0, first.response().text().length);
        var second = m.process(new LoginRequest(true, false, 1, 3, 0, 0, 1, 0, 7, 1, 100, 5,
                ("Name=" + TARGET + "\0DefaultTime2Retain=20\0").getBytes()));
        assertEquals(LoginStateMachine.Outcome.COMPLETE, second.outcome());
    }

    @Test
    void securityStageWithoutAuthMethodIsAllowedOnlyWhereNoneIs() {
        LoginStateMachine open = machine(TargetAuth.none(), InitiatorAcl.allowAll());
        var ok = open.process(request(true, 0, 1, "InitiatorName=iqn.i:x|TargetName=" + TARGET + "|"));
        assertTrue(ok.response().transit());
        assertEquals(1, ok.response().nsg());
        LoginStateMachine chap = machine(TargetAuth.chap("u", "0123456789ab"), InitiatorAcl.allowAll());
        var refused = chap.process(request(true, 0, 1, "InitiatorName=iqn.i:x|TargetName=" + TARGET + "|"));
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, refused.status() == LoginStatus.SUCCESS ? null
                : LoginStatus.of(refused.response().statusClass() << 8 | refused.response().statusDetail()));
    }

    @Test
    void chapDoesNotTransitUntilTheResponseIsVerified() {
        LoginStateMachine m = machine(TargetAuth.chap("user", "0123456789ab"), InitiatorAcl.allowAll());
        var s1 = m.process(request(true, 0, 1, "InitiatorName=iqn.i:x|TargetName=" + TARGET + "|AuthMethod=CHAP|"));
        assertFalse(s1.response().transit(), "CHAP still to run");
        var s2 = m.process(request(true, 0, 1, "CHAP_A=5|"));
        TextParameters c = TextParameters.parse(s2.response().text());
        assertFalse(s2.response().transit());
        byte[] challenge = Chap.decodeBinary(c.get("CHAP_C"));
        assertNotNull(challenge);
        byte[] r = Chap.response(ChapAlgorithm.MD5, Integer.parseInt(c.get("CHAP_I")), "0123456789ab", challenge);
        var s3 = m.process(request(true, 0, 1, "CHAP_N=user|CHAP_R=0x" + HexFormat.of().formatHex(r) + "|"));
        assertTrue(s3.response().transit());
        assertEquals(0, s3.response().statusClass());
    }

    @Test
    void reflectedMutualChallengeIsRefused() {
        LoginStateMachine m = machine(TargetAuth.mutualChap("user", "0123456789ab", "tgt", "ba9876543210"),
                InitiatorAcl.allowAll());
        m.process(request(false, 0, 1, "InitiatorName=iqn.i:x|TargetName=" + TARGET + "|AuthMethod=CHAP|"));
        TextParameters c = TextParameters.parse(m.process(request(false, 0, 1, "CHAP_A=5|")).response().text());
        byte[] r = Chap.response(ChapAlgorithm.MD5, Integer.parseInt(c.get("CHAP_I")), "0123456789ab",
                Chap.decodeBinary(c.get("CHAP_C")));
        var s = m.process(request(true, 0, 1, "CHAP_N=user|CHAP_R=0x" + HexFormat.of().formatHex(r)
                + "|CHAP_I=1|CHAP_C=" + c.get("CHAP_C") + "|"));
        assertEquals(LoginStateMachine.Outcome.FAILED, s.outcome());
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, s.status());
    }

    @Test
    void aclIsCaseInsensitiveAndRefusesOthersWithAuthorizationFailure() {
        InitiatorAcl acl = InitiatorAcl.of(Set.of("IQN.I:Allowed"));
        assertTrue(acl.allows("iqn.i:allowed"));
        var s = machine(TargetAuth.none(), acl).process(request(true, 1, 3,
                "InitiatorName=iqn.i:other|TargetName=" + TARGET + "|"));
        assertEquals(LoginStatus.AUTHORIZATION_FAILURE, s.status());
        assertEquals(0, s.response().statSn(), "StatSN is not meaningful in a failed response");
    }

    @Test
    void addingAConnectionToAnExistingSessionIsRefused() {
        var s = machine(TargetAuth.none(), InitiatorAcl.allowAll()).process(new LoginRequest(true, false, 1, 3, 0,
                0, 1, 9, 7, 2, 100, 5, ("InitiatorName=iqn.i:x\0TargetName=" + TARGET + "\0").getBytes()));
        assertEquals(LoginStatus.TOO_MANY_CONNECTIONS, s.status());
    }

    @Test
    void discoverySessionsAnswerDataMovementKeysIrrelevant() {
        var s = machine(TargetAuth.none(), InitiatorAcl.allowAll()).process(request(true, 1, 3,
                "InitiatorName=iqn.i:x|SessionType=Discovery|MaxBurstLength=4096|HeaderDigest=None|"));
        TextParameters t = TextParameters.parse(s.response().text());
        assertEquals("Irrelevant", t.get("MaxBurstLength"));
        assertEquals("None", t.get("HeaderDigest"));
        assertEquals(null, t.get("TargetPortalGroupTag"));
        assertEquals(SessionType.DISCOVERY, s.parameters().sessionType());
    }

    @Test
    void secretsShorterThanTwelveCharactersAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TargetAuth.chap("u", "short"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TargetAuth.mutualChap("u", "0123456789ab", "t", "0123456789ab"));
    }

    /** RFC 7143 11.13.5: 0302h Out of resources, "insufficient session, connection, or other resources". */
    @Test
    void aNewSessionBeyondTheSessionLimitIsRefusedOutOfResources() {
        LoginStateMachine m = machine(TargetAuth.none(), InitiatorAcl.allowAll(), false);
        var step = m.process(request(true, 1, 3, "InitiatorName=iqn.i:x|TargetName=" + TARGET
                + "|MaxRecvDataSegmentLength=8192|DefaultTime2Retain=20|"));
        assertEquals(LoginStateMachine.Outcome.FAILED, step.outcome());
        assertEquals(LoginStatus.OUT_OF_RESOURCES, step.status());
        assertEquals(0x03, step.response().statusClass());
        assertEquals(0x02, step.response().statusDetail());
    }
}
