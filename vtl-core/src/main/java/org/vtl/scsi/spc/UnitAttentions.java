package org.vtl.scsi.spc;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import org.vtl.scsi.Nexus;
import org.vtl.scsi.SenseCode;

/**
 * Unit attention conditions queued per I_T nexus and reported once each (SAM-5 5.14, SPC-5 5.13).
 * A nexus seen for the first time starts with POWER ON, RESET, OR BUS DEVICE RESET OCCURRED; a reset
 * condition replaces whatever else was queued for a nexus, as it supersedes it.
 */
public final class UnitAttentions {

    private final Map<Nexus, ArrayDeque<SenseCode>> pending = new HashMap<>();

    /** Removes and returns the oldest condition for {@code nexus}, or null. */
    public synchronized SenseCode poll(Nexus nexus) {
        return queue(nexus).poll();
    }

    /** The oldest condition for {@code nexus} without reporting it, or null. */
    public synchronized SenseCode peek(Nexus nexus) {
        return queue(nexus).peek();
    }

    /** Queues {@code code} for every known nexus except {@code origin} (which may be null). */
    public synchronized void raise(SenseCode code, Nexus origin) {
        for (Map.Entry<Nexus, ArrayDeque<SenseCode>> e : pending.entrySet()) {
            if (!e.getKey().equals(origin) && !e.getValue().contains(code)) {
                e.getValue().add(code);
            }
        }
    }

    /** Queues {@code code} for one nexus. */
    public synchronized void raiseFor(Nexus nexus, SenseCode code) {
        ArrayDeque<SenseCode> q = queue(nexus);
        if (!q.contains(code)) {
            q.add(code);
        }
    }

    /** A reset: every known nexus gets {@code code} and nothing older. */
    public synchronized void reset(SenseCode code) {
        for (ArrayDeque<SenseCode> q : pending.values()) {
            q.clear();
            q.add(code);
        }
    }

    /** The nexus is gone; if it comes back it is new again (power-on condition). */
    public synchronized void forget(Nexus nexus) {
        pending.remove(nexus);
    }

    private ArrayDeque<SenseCode> queue(Nexus nexus) {
        return pending.computeIfAbsent(nexus, n -> {
            ArrayDeque<SenseCode> q = new ArrayDeque<>(4);
            q.add(SenseCode.POWER_ON_RESET);
            return q;
        });
    }
}
