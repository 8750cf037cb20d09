package org.vtl.iscsi.session;

import io.netty.util.ReferenceCountUtil;

import java.util.HashMap;
import java.util.Map;

/**
 * The session's command window (RFC 7143 4.2.2.1): ExpCmdSN and MaxCmdSN in serial number arithmetic
 * (RFC 1982, 32 bits). A non-immediate command at ExpCmdSN is delivered, one ahead of it but inside the
 * window is held until the gap fills, one outside is silently ignored. MaxCmdSN never moves backwards; the
 * connection widens it by the credit it can afford (free task slots and memory). Event loop only.
 */
public final class CmdSnWindow {

    /** Where a CmdSN falls. */
    public enum Position { EXPECTED, AHEAD, OUTSIDE }

    private final Map<Integer, Object> held = new HashMap<>();
    private int expCmdSn;
    private int maxCmdSn;

    public CmdSnWindow(int expCmdSn, int maxCmdSn) {
        this.expCmdSn = expCmdSn;
        this.maxCmdSn = maxCmdSn;
    }

    /** a before b in serial number arithmetic. */
    public static boolean before(int a, int b) {
        return org.vtl.iscsi.pdu.CmdSnArithmetic.before(a, b);
    }

    public int expCmdSn() {
        return expCmdSn;
    }

    public int maxCmdSn() {
        return maxCmdSn;
    }

    public Position classify(int cmdSn) {
        if (before(cmdSn, expCmdSn) || before(maxCmdSn, cmdSn)) {
            return Position.OUTSIDE;
        }
        return cmdSn == expCmdSn ? Position.EXPECTED : Position.AHEAD;
    }

    public void advance() {
        expCmdSn++;
    }

    /** Holds a PDU that arrived ahead of ExpCmdSN; returns false (and keeps nothing) if one is already held. */
    public boolean hold(int cmdSn, Object pdu) {
        return held.putIfAbsent(cmdSn, pdu) == null;
    }

    /** The held PDU for ExpCmdSN, or {@code null}. */
    public Object takeExpected() {
        return held.remove(expCmdSn);
    }

    public int heldCount() {
        return held.size();
    }

    /** Opens the window to ExpCmdSN - 1 + credit if that is further than it already is; returns MaxCmdSN. */
    public int widen(int credit) {
        int candidate = expCmdSn - 1 + Math.max(0, credit);
        if (before(maxCmdSn, candidate)) {
            maxCmdSn = candidate;
        }
        if (before(maxCmdSn, expCmdSn - 1)) {
            maxCmdSn = expCmdSn - 1;
        }
        return maxCmdSn;
    }

    /** True when no command can be sent (MaxCmdSN = ExpCmdSN - 1). */
    public boolean closed() {
        return maxCmdSn == expCmdSn - 1;
    }

    /** Releases held PDUs (connection closed). */
    public void clear() {
        held.values().forEach(ReferenceCountUtil::safeRelease);
        held.clear();
    }
}
