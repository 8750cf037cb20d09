package org.vtl.scsi.spc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;

/**
 * PERSISTENT RESERVE IN (READ KEYS, READ RESERVATION, REPORT CAPABILITIES; SPC-5 6.15) and
 * PERSISTENT RESERVE OUT (REGISTER, RESERVE, RELEASE, CLEAR, PREEMPT, PREEMPT AND ABORT, REGISTER AND
 * IGNORE EXISTING KEY; SPC-5 6.16, 5.14.7-5.14.11). Scope is always LU_SCOPE; APTPL is not supported.
 */
final class PersistentReservations {

    private static final int PARAMETER_LIST_LENGTH = 24;
    private static final int TYPE_MASK = 1 << Reservations.WRITE_EXCLUSIVE | 1 << Reservations.EXCLUSIVE_ACCESS
            | 1 << Reservations.WRITE_EXCLUSIVE_REGISTRANTS_ONLY | 1 << Reservations.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY
            | 1 << Reservations.WRITE_EXCLUSIVE_ALL_REGISTRANTS | 1 << Reservations.EXCLUSIVE_ACCESS_ALL_REGISTRANTS;

    private final Reservations state;
    private final UnitAttentions unitAttentions;

    PersistentReservations(Reservations state, UnitAttentions unitAttentions) {
        this.state = state;
        this.unitAttentions = unitAttentions;
    }

    ScsiResponse readKeys(ScsiTask task) {
        synchronized (state) {
            Map<Nexus, Long> regs = state.registrations();
            byte[] b = new byte[8 + 8 * regs.size()];
            Cdb.put32(b, 0, state.generation());
            Cdb.put32(b, 4, 8L * regs.size());
            int at = 8;
            for (long key : regs.values()) {
                Cdb.put64(b, at, key);
                at += 8;
            }
            return good(b);
        }
    }

    ScsiResponse readReservation(ScsiTask task) {
        synchronized (state) {
            if (state.type() == 0) {
                byte[] b = new byte[8];
                Cdb.put32(b, 0, state.generation());
                return good(b);
            }
            byte[] b = new byte[24];
            Cdb.put32(b, 0, state.generation());
            Cdb.put32(b, 4, 16);
            Cdb.put64(b, 8, state.holderKey());
            b[21] = (byte) state.type(); // SCOPE 0h (LU_SCOPE), TYPE
            return good(b);
        }
    }

    /** SPC-5 6.15.5: every registration with its holder flag, type and iSCSI TransportID (SPC-5 7.6.4.6). */
    ScsiResponse readFullStatus(ScsiTask task) {
        synchronized (state) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (Map.Entry<Nexus, Long> e : state.registrations().entrySet()) {
                byte[] transportId = transportId(e.getKey().initiatorPort());
                byte[] d = new byte[24 + transportId.length];
                Cdb.put64(d, 0, e.getValue());
                boolean holder = state.isHolder(e.getKey());
                d[12] = (byte) (holder ? 0x01 : 0); // R_HOLDER
                d[13] = (byte) (holder ? state.type() : 0); // SCOPE LU_SCOPE, TYPE
                Cdb.put16(d, 18, 1); // RELATIVE TARGET PORT IDENTIFIER: the partition's one target port
                Cdb.put32(d, 20, transportId.length);
                System.arraycopy(transportId, 0, d, 24, transportId.length);
                body.writeBytes(d);
            }
            byte[] b = new byte[8 + body.size()];
            Cdb.put32(b, 0, state.generation());
            Cdb.put32(b, 4, body.size());
            System.arraycopy(body.toByteArray(), 0, b, 8, body.size());
            return good(b);
        }
    }

    /** iSCSI TransportID: format 01b (name,i,0xISID) when the port name carries an ISID, else 00b; NUL, padded. */
    static byte[] transportId(String initiatorPort) {
        byte[] name = initiatorPort.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int length = (name.length + 1 + 3) & ~3; // NUL terminated, multiple of 4
        byte[] t = new byte[4 + Math.max(length, 20)];
        t[0] = (byte) ((initiatorPort.contains(",i,0x") ? 0x40 : 0x00) | 0x05); // FORMAT CODE, iSCSI
        Cdb.put16(t, 2, t.length - 4);
        System.arraycopy(name, 0, t, 4, name.length);
        return t;
    }

    ScsiResponse reportCapabilities(ScsiTask task) {
        byte[] b = new byte[8];
        Cdb.put16(b, 0, 8);
        b[2] = 0x10; // CRH: RESERVE/RELEASE(6/10) succeed or conflict as SPC-5 5.14.3 says
        b[3] = (byte) 0x80; // TMV: the type mask is valid; ALLOW COMMANDS 000b
        b[4] = (byte) 0xEA; // WR_EX_AR, EX_AC_RO, WR_EX_RO, EX_AC, WR_EX
        b[5] = 0x01; // EX_AC_AR
        return good(b);
    }

    ScsiResponse out(ScsiTask task) {
        byte[] cdb = task.cdb();
        int action = cdb[1] & 0x1f;
        int scope = (cdb[2] & 0xf0) >>> 4;
        int type = cdb[2] & 0x0f;
        if (Cdb.u32(cdb, 5) != PARAMETER_LIST_LENGTH) {
            throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
        }
        byte[] p = task.parameterData();
        if (p.length < PARAMETER_LIST_LENGTH) {
            throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
        }
        if ((p[20] & 0x0C) != 0) { // SPEC_I_PT, ALL_TG_PT not supported
            throw ScsiException.invalidParameterField(20, (p[20] & 0x08) != 0 ? 3 : 2);
        }
        if ((p[20] & 0x01) != 0) { // APTPL: persistence across power loss not offered
            throw ScsiException.invalidParameterField(20, 0);
        }
        long key = Cdb.u64(p, 0);
        long saKey = Cdb.u64(p, 8);
        Nexus nexus = task.nexus();
        synchronized (state) {
            if (state.hasLegacyReservation() && state.conflicts(nexus, org.vtl.scsi.ReservationClass.WRITE)) {
                return ScsiResponse.status(ScsiStatus.RESERVATION_CONFLICT);
            }
            return switch (action) {
                case 0x00 -> register(nexus, key, saKey, false);
                case 0x06 -> register(nexus, key, saKey, true);
                case 0x01 -> reserve(nexus, key, scope, type);
                case 0x02 -> release(nexus, key, scope, type);
                case 0x03 -> clear(nexus, key);
                case 0x04, 0x05 -> preempt(nexus, key, saKey, scope, type);
                default -> throw ScsiException.invalidCdbField(1, 4);
            };
        }
    }

    private ScsiResponse register(Nexus nexus, long key, long saKey, boolean ignoreExisting) {
        Map<Nexus, Long> regs = state.registrations();
        Long existing = regs.get(nexus);
        if (!ignoreExisting && (existing == null ? key != 0 : existing != key)) {
            return conflict();
        }
        if (saKey == 0) {
            if (existing != null) {
                unregister(nexus);
                state.bumpGeneration();
            }
            return ScsiResponse.good();
        }
        regs.put(nexus, saKey);
        state.bumpGeneration();
        return ScsiResponse.good();
    }

    private void unregister(Nexus nexus) {
        boolean wasHolder = state.isHolder(nexus);
        state.registrations().remove(nexus);
        int type = state.type();
        boolean allRegistrants = type == Reservations.WRITE_EXCLUSIVE_ALL_REGISTRANTS
                || type == Reservations.EXCLUSIVE_ACCESS_ALL_REGISTRANTS;
        if (wasHolder && (!allRegistrants || state.registrations().isEmpty())) {
            state.clearReservation();
            if (type == Reservations.WRITE_EXCLUSIVE_REGISTRANTS_ONLY
                    || type == Reservations.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY) {
                for (Nexus other : state.registrations().keySet()) {
                    unitAttentions.raiseFor(other, SenseCode.RESERVATIONS_RELEASED);
                }
            }
        }
    }

    private ScsiResponse reserve(Nexus nexus, long key, int scope, int type) {
        if (!registeredWith(nexus, key)) {
            return conflict();
        }
        checkScopeAndType(scope, type);
        if (state.type() == 0) {
            state.reservation(nexus, type);
            return ScsiResponse.good();
        }
        return state.isHolder(nexus) && state.type() == type ? ScsiResponse.good() : conflict();
    }

    private ScsiResponse release(Nexus nexus, long key, int scope, int type) {
        if (!registeredWith(nexus, key)) {
            return conflict();
        }
        if (state.type() == 0 || !state.isHolder(nexus)) {
            return ScsiResponse.good();
        }
        if (scope != 0 || state.type() != type) {
            throw ScsiException.of(SenseCode.INVALID_RELEASE_OF_PERSISTENT_RESERVATION);
        }
        int released = state.type();
        state.clearReservation();
        if (released != Reservations.WRITE_EXCLUSIVE && released != Reservations.EXCLUSIVE_ACCESS) {
            for (Nexus other : state.registrations().keySet()) {
                if (!other.equals(nexus)) {
                    unitAttentions.raiseFor(other, SenseCode.RESERVATIONS_RELEASED);
                }
            }
        }
        return ScsiResponse.good();
    }

    private ScsiResponse clear(Nexus nexus, long key) {
        if (!registeredWith(nexus, key)) {
            return conflict();
        }
        for (Nexus other : state.registrations().keySet()) {
            if (!other.equals(nexus)) {
                unitAttentions.raiseFor(other, SenseCode.RESERVATIONS_PREEMPTED);
            }
        }
        state.registrations().clear();
        state.clearReservation();
        state.bumpGeneration();
        return ScsiResponse.good();
    }

    private ScsiResponse preempt(Nexus nexus, long key, long saKey, int scope, int type) {
        if (!registeredWith(nexus, key)) {
            return conflict();
        }
        boolean allRegistrants = state.type() == Reservations.WRITE_EXCLUSIVE_ALL_REGISTRANTS
                || state.type() == Reservations.EXCLUSIVE_ACCESS_ALL_REGISTRANTS;
        if (saKey == 0 && !allRegistrants) {
            throw ScsiException.invalidParameterField(8, -1);
        }
        List<Nexus> victims = new ArrayList<>();
        for (Map.Entry<Nexus, Long> e : state.registrations().entrySet()) {
            if (e.getValue() == saKey && !e.getKey().equals(nexus) || (saKey == 0 && !e.getKey().equals(nexus))) {
                victims.add(e.getKey());
            }
        }
        boolean holderPreempted = state.type() != 0
                && (allRegistrants || (state.holder() != null && state.registrations().get(state.holder()) == saKey));
        if (victims.isEmpty() && !holderPreempted) {
            return conflict();
        }
        if (holderPreempted) {
            checkScopeAndType(scope, type);
        }
        for (Nexus v : victims) {
            state.registrations().remove(v);
            unitAttentions.raiseFor(v, SenseCode.REGISTRATIONS_PREEMPTED);
        }
        if (holderPreempted) {
            state.reservation(nexus, type);
        }
        state.bumpGeneration();
        return ScsiResponse.good();
    }

    private boolean registeredWith(Nexus nexus, long key) {
        Long k = state.registrations().get(nexus);
        return k != null && k == key;
    }

    private static void checkScopeAndType(int scope, int type) {
        if (scope != 0) {
            throw ScsiException.invalidCdbField(2, 7);
        }
        if ((TYPE_MASK & (1 << type)) == 0) {
            throw ScsiException.invalidCdbField(2, 3);
        }
    }

    private static ScsiResponse conflict() {
        return ScsiResponse.status(ScsiStatus.RESERVATION_CONFLICT);
    }

    private static ScsiResponse good(byte[] b) {
        return ScsiResponse.good(Payload.of(ByteBuffer.wrap(b)));
    }
}
