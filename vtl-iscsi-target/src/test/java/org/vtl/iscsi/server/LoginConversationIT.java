package org.vtl.iscsi.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtl.iscsi.login.Chap;
import org.vtl.iscsi.login.ChapAlgorithm;
import org.vtl.iscsi.login.LoginStatus;
import org.vtl.iscsi.pdu.LoginRequest;
import org.vtl.iscsi.pdu.LoginResponse;
import org.vtl.iscsi.pdu.TextParameters;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login conversations over a real socket (RFC 7143 6, 11.12, 11.13, 12.1.3, 13). */
class LoginConversationIT {

    private TargetFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new TargetFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static LoginStatus status(LoginResponse r) {
        return LoginStatus.of(r.statusClass() << 8 | r.statusDetail());
    }

    @Test
    void loginWithoutInitiatorNameFailsWithMissingParameter() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = c.loginStep(true, 1, 3, Map.of("TargetName", TargetFixture.OPEN));
            assertEquals(LoginStatus.MISSING_PARAMETER, status(r));
            assertTrue(c.closedByTarget());
        }
    }

    @Test
    void loginToUnknownTargetFailsWithNotFound0203() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = c.loginStep(true, 1, 3, IscsiTestClient.normalKeys("iqn.2026-11.org.vtl:nothing"));
            assertEquals(0x02, r.statusClass());
            assertEquals(0x03, r.statusDetail());
        }
        assertEquals(1.0, fixture.meters.get("iscsi.login.failures").tag("status", "not_found").counter().count());
    }

    @Test
    void initiatorOutsideAclFailsWithAuthorizationFailure0202() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = c.loginStep(true, 1, 3, IscsiTestClient.normalKeys(TargetFixture.ACL));
            assertEquals(LoginStatus.AUTHORIZATION_FAILURE, status(r));
        }
    }

    @Test
    void unsupportedVersionFailsWith0205() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            TextParameters t = new TextParameters();
            IscsiTestClient.normalKeys(TargetFixture.OPEN).forEach(t::add);
            c.send(new LoginRequest(true, false, 1, 3, 2, 1, c.isid, 0, 1, 0, 1, 0, t.toBytes()));
            assertEquals(LoginStatus.UNSUPPORTED_VERSION, status(c.expect(LoginResponse.class)));
        }
    }

    @Test
    void operationalKeysAnsweredWithTheirResultFunctions() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            Map<String, String> keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            keys.put("MaxConnections", "8");
            keys.put("ErrorRecoveryLevel", "2");
            keys.put("InitialR2T", "No");
            keys.put("ImmediateData", "No");
            keys.put("MaxBurstLength", "16777215");
            keys.put("FirstBurstLength", "4096");
            keys.put("DefaultTime2Wait", "0");
            keys.put("MaxOutstandingR2T", "16");
            keys.put("IFMarker", "Yes");
            keys.put("OFMarker", "Yes");
            keys.put("X-com.example.Vendor", "1");
            keys.put("ZZZUnknown", "foo");
            TextParameters answer = TextParameters.parse(c.loginStep(true, 1, 3, keys).text());
            assertEquals("1", answer.get("MaxConnections"));
            assertEquals("0", answer.get("ErrorRecoveryLevel"));
            assertEquals("Yes", answer.get("InitialR2T"));
            assertEquals("No", answer.get("ImmediateData"));
            assertEquals("262144", answer.get("MaxBurstLength"));
            assertEquals("4096", answer.get("FirstBurstLength"));
            assertEquals("2", answer.get("DefaultTime2Wait"));
            assertEquals("4", answer.get("MaxOutstandingR2T"));
            assertEquals("No", answer.get("IFMarker"));
            assertEquals("No", answer.get("OFMarker"));
            assertEquals("NotUnderstood", answer.get("X-com.example.Vendor"));
            assertEquals("NotUnderstood", answer.get("ZZZUnknown"));
            assertEquals("262144", answer.get("MaxRecvDataSegmentLength"));
            assertEquals("1", answer.get("TargetPortalGroupTag"));
        }
    }

    @Test
    void outOfRangeValueAnsweredReject() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            Map<String, String> keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            keys.put("MaxBurstLength", "100");
            keys.put("HeaderDigest", "MD5");
            TextParameters answer = TextParameters.parse(c.loginStep(true, 1, 3, keys).text());
            assertEquals("Reject", answer.get("MaxBurstLength"));
            assertEquals("Reject", answer.get("HeaderDigest"));
        }
    }

    @Test
    void keyNegotiatedTwiceFailsTheLoginWithInitiatorError() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            Map<String, String> keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            LoginResponse first = c.loginStep(false, 1, 0, keys);
            assertEquals(0, first.statusClass());
            LoginResponse second = c.loginStep(true, 1, 3, Map.of("MaxBurstLength", "65536",
                    "MaxOutstandingR2T", "1"));
            assertEquals(LoginStatus.INITIATOR_ERROR, status(second));
        }
    }

    @Test
    void targetOffersItsNonDefaultValuesBeforeFullFeaturePhase() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("InitiatorName", IscsiTestClient.INITIATOR);
            keys.put("TargetName", TargetFixture.OPEN);
            LoginResponse r = c.loginStep(true, 1, 3, keys);
            TextParameters offers = TextParameters.parse(r.text());
            assertEquals(false, r.transit(), "the target waits for answers to its offers");
            assertEquals("0", offers.get("DefaultTime2Retain"));
            assertEquals("4", offers.get("MaxOutstandingR2T"));
            LoginResponse done = c.loginStep(true, 1, 3, Map.of("DefaultTime2Retain", "0",
                    "MaxOutstandingR2T", "4"));
            assertTrue(done.transit());
            assertEquals(3, done.nsg());
            assertNotEquals(0, done.tsih());
        }
    }

    @Test
    void chapTargetRefusesAuthMethodNoneWith0201() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            Map<String, String> keys = IscsiTestClient.normalKeys(TargetFixture.CHAP);
            keys.put("AuthMethod", "None");
            LoginResponse r = c.loginStep(true, 0, 1, keys);
            assertEquals(LoginStatus.AUTHENTICATION_FAILURE, status(r));
        }
    }

    @Test
    void chapTargetRefusesSkippingTheSecurityStage() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = c.loginStep(true, 1, 3, IscsiTestClient.normalKeys(TargetFixture.CHAP));
            assertEquals(LoginStatus.AUTHENTICATION_FAILURE, status(r));
        }
    }

    /** Runs the CHAP exchange; returns the target's answer to CHAP_N/CHAP_R. */
    private static LoginResponse chap(IscsiTestClient c, String target, ChapAlgorithm algorithm, String secret,
                                      byte[] mutualChallenge) throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("InitiatorName", IscsiTestClient.INITIATOR);
        keys.put("TargetName", target);
        keys.put("AuthMethod", "CHAP,None");
        LoginResponse r = c.loginStep(false, 0, 1, keys);
        assertEquals("CHAP", TextParameters.parse(r.text()).get("AuthMethod"));
        r = c.loginStep(false, 0, 1, Map.of("CHAP_A", algorithm.code() + ",5"));
        TextParameters challenge = TextParameters.parse(r.text());
        assertEquals(Integer.toString(algorithm.code()), challenge.get("CHAP_A"));
        int id = Integer.parseInt(challenge.get("CHAP_I"));
        byte[] c1 = Chap.decodeBinary(challenge.get("CHAP_C"));
        byte[] response = Chap.response(algorithm, id, secret, c1);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("CHAP_N", "initiator");
        answer.put("CHAP_R", "0x" + HexFormat.of().formatHex(response));
        if (mutualChallenge != null) {
            answer.put("CHAP_I", "77");
            answer.put("CHAP_C", "0x" + HexFormat.of().formatHex(mutualChallenge));
        }
        return c.loginStep(true, 0, 1, answer);
    }

    @Test
    void oneWayChapMd5LogsIn() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = chap(c, TargetFixture.CHAP, ChapAlgorithm.MD5, "initiator-secret", null);
            assertEquals(0, r.statusClass());
            assertTrue(r.transit());
            assertEquals(1, r.nsg());
        }
    }

    @Test
    void oneWayChapSha256LogsIn() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = chap(c, TargetFixture.CHAP, ChapAlgorithm.SHA256, "initiator-secret", null);
            assertEquals(0, r.statusClass());
        }
    }

    @Test
    void wrongChapSecretFailsWith0201AndNoAccess() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = chap(c, TargetFixture.CHAP, ChapAlgorithm.MD5, "not-the-secret!", null);
            assertEquals(LoginStatus.AUTHENTICATION_FAILURE, status(r));
            assertTrue(c.closedByTarget());
        }
    }

    @Test
    void mutualChapTargetProvesItsSecret() throws Exception {
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = chap(c, TargetFixture.MUTUAL, ChapAlgorithm.SHA256, "initiator-secret", challenge);
            assertEquals(0, r.statusClass());
            TextParameters t = TextParameters.parse(r.text());
            assertEquals("target", t.get("CHAP_N"));
            assertArrayEquals(Chap.response(ChapAlgorithm.SHA256, 77, "target-secret-1", challenge),
                    Chap.decodeBinary(t.get("CHAP_R")));
        }
    }

    @Test
    void mutualChapRequestOnOneWayTargetFails() throws Exception {
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        try (IscsiTestClient c = fixture.connect()) {
            LoginResponse r = chap(c, TargetFixture.CHAP, ChapAlgorithm.MD5, "initiator-secret", challenge);
            assertEquals(LoginStatus.AUTHENTICATION_FAILURE, status(r));
        }
    }

    @Test
    void discoverySessionListsTargetsTheAclAdmits() throws Exception {
        try (IscsiTestClient c = fixture.connect()) {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("InitiatorName", IscsiTestClient.INITIATOR);
            keys.put("SessionType", "Discovery");
            keys.put("MaxRecvDataSegmentLength", "8192");
            LoginResponse r = c.login(keys);
            assertEquals(0, r.statusClass());
            c.send(new org.vtl.iscsi.pdu.TextRequest(false, true, false, 0, 9, 0xffffffff, c.cmdSn, c.expStatSn,
                    "SendTargets=All\0".getBytes()));
            var text = c.expect(org.vtl.iscsi.pdu.TextResponse.class);
            TextParameters t = TextParameters.parse(text.text());
            var names = t.entries().stream().filter(e -> e.key().equals("TargetName")).map(e -> e.value()).toList();
            assertEquals(java.util.List.of(TargetFixture.CHAP, TargetFixture.MUTUAL, TargetFixture.OPEN), names);
            int port = fixture.server.localAddress().getPort();
            assertEquals("127.0.0.1:" + port + ",1", t.get("TargetAddress"));
        }
    }
}
