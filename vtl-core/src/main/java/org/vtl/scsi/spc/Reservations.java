package org.vtl.scsi.spc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.vtl.scsi.Nexus;
import org.vtl.scsi.ReservationClass;

/**
 * Reservation state of one logical unit: the SPC-2 RESERVE(6)/(10) holder and the persistent
 * reservation registrations and reservation (SPC-5 5.14). Decides conflicts for the preamble
 * (SPC-5 Table 68, SPC-2 5.5.1). All methods are called from the logical unit's ordered queue.
 */
public final class Reservations {

    /** Persistent reservation types (SPC-5 Table 212). */
    public static final int WRITE_EXCLUSIVE = 1;
    public static final int EXCLUSIVE_ACCESS = 3;
    public static final int WRITE_EXCLUSIVE_REGISTRANTS_ONLY = 5;
    public static final int EXCLUSIVE_ACCESS_REGISTRANTS_ONLY = 6;
    public static final int WRITE_EXCLUSIVE_ALL_REGISTRANTS = 7;
    public static final int EXCLUSIVE_ACCESS_ALL_REGISTRANTS = 8;

    private Nexus legacyHolder;
    private final Map<Nexus, Long> registrations = new LinkedHashMap<>();
    private Nexus holder;
    private int type;
    private int generation;

    /** True if a command of this class from {@code nexus} conflicts with a reservation. */
    public synchronized boolean conflicts(Nexus nexus, ReservationClass access) {
        if (access == ReservationClass.ALWAYS) {
            return false;
        }
        if (legacyHolder != null) {
            return !legacyHolder.equals(nexus);
        }
        if (type == 0 || isHolder(nexus)) {
            return false;
        }
        boolean registered = registrations.containsKey(nexus);
        return switch (type) {
            case WRITE_EXCLUSIVE -> access == ReservationClass.WRITE;
            case EXCLUSIVE_ACCESS -> true;
            case WRITE_EXCLUSIVE_REGISTRANTS_ONLY, WRITE_EXCLUSIVE_ALL_REGISTRANTS ->
                    access == ReservationClass.WRITE && !registered;
            default -> !registered;
        };
    }

    /** RESERVE(6)/(10): false means RESERVATION CONFLICT. */
    public synchronized boolean reserve(Nexus nexus) {
        if (type != 0 || (legacyHolder != null && !legacyHolder.equals(nexus))) {
            return false;
        }
        legacyHolder = nexus;
        return true;
    }

    /** RELEASE(6)/(10): releases only the caller's own reservation; never an error (SPC-2 7.21). */
    public synchronized void release(Nexus nexus) {
        if (nexus.equals(legacyHolder)) {
            legacyHolder = null;
        }
    }

    /** Logical unit reset: SPC-2 reservations are released; persistent ones survive (SPC-5 5.14.11). */
    public synchronized void reset() {
        legacyHolder = null;
    }

    /** The nexus is gone: its SPC-2 reservation goes with it. */
    public synchronized void nexusLost(Nexus nexus) {
        release(nexus);
    }

    synchronized boolean isHolder(Nexus nexus) {
        if (type == 0) {
            return false;
        }
        if (type == WRITE_EXCLUSIVE_ALL_REGISTRANTS || type == EXCLUSIVE_ACCESS_ALL_REGISTRANTS) {
            return registrations.containsKey(nexus);
        }
        return nexus.equals(holder);
    }

    synchronized boolean hasLegacyReservation() {
        return legacyHolder != null;
    }

    Map<Nexus, Long> registrations() {
        return registrations;
    }

    int generation() {
        return generation;
    }

    void bumpGeneration() {
        generation++;
    }

    int type() {
        return type;
    }

    Nexus holder() {
        return holder;
    }

    void reservation(Nexus newHolder, int newType) {
        holder = newHolder;
        type = newType;
    }

    void clearReservation() {
        holder = null;
        type = 0;
    }

    /** The key of the reservation holder as READ RESERVATION reports it (0 for all-registrants types). */
    long holderKey() {
        if (type == WRITE_EXCLUSIVE_ALL_REGISTRANTS || type == EXCLUSIVE_ACCESS_ALL_REGISTRANTS) {
            return 0;
        }
        Long k = holder == null ? null : registrations.get(holder);
        return k == null ? 0 : k;
    }
}
