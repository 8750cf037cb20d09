package org.vtl.iscsi.pdu;

import org.junit.jupiter.api.Test;
import org.vtl.iscsi.login.ChapAlgorithm;
import org.vtl.iscsi.login.LoginStatus;
import org.vtl.iscsi.login.NegotiationKey;
import org.vtl.iscsi.tmf.TmfFunction;
import org.vtl.iscsi.tmf.TmfResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wire enums map codes both ways and know nothing else (RFC 7143 11.2.1.2, 11.13.5, 11.5.1, 11.6.1, 11.17.1). */
class WireEnumTest {

    @Test
    void everyWireCodeRoundTrips() {
        for (Opcode o : Opcode.values()) {
            assertEquals(o, Opcode.of(o.code()));
        }
        for (RejectReason r : RejectReason.values()) {
            assertEquals(r, RejectReason.of(r.code()));
        }
        for (LoginStatus s : LoginStatus.values()) {
            assertEquals(s, LoginStatus.of(s.code()));
        }
        for (TmfFunction f : TmfFunction.values()) {
            assertEquals(f, TmfFunction.of(f.code()));
        }
        for (TmfResponse r : TmfResponse.values()) {
            assertEquals(r, TmfResponse.of(r.code()));
        }
        for (ChapAlgorithm a : ChapAlgorithm.values()) {
            assertEquals(a, ChapAlgorithm.of(a.code()));
        }
        for (NegotiationKey k : NegotiationKey.values()) {
            assertEquals(k, NegotiationKey.of(k.keyName()));
        }
    }

    @Test
    void undefinedCodesAreNull() {
        assertNull(Opcode.of(0x1c));
        assertNull(Opcode.of(99));
        assertNull(RejectReason.of(0x0b));
        assertNull(LoginStatus.of(0x0299));
        assertNull(TmfFunction.of(0));
        assertNull(ChapAlgorithm.of(1));
        assertNull(NegotiationKey.of("X-vendor"));
    }

    @Test
    void loginStatusCodesAreClassAndDetail() {
        assertEquals(0x0201, LoginStatus.AUTHENTICATION_FAILURE.code());
        assertEquals(0x0202, LoginStatus.AUTHORIZATION_FAILURE.code());
        assertEquals(0x0203, LoginStatus.NOT_FOUND.code());
        assertTrue(Opcode.SCSI_COMMAND.fromInitiator());
        assertTrue(!Opcode.R2T.fromInitiator());
    }
}
