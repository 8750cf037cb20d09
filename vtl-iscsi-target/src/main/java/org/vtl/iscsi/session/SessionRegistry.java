package org.vtl.iscsi.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All sessions of the server by TSIH. Allocates TSIHs, reinstates sessions (RFC 7143 6.3.5: a new leading
 * login with the same initiator name, ISID and target closes the old session) and closes a removed target's
 * sessions. Thread-safe.
 */
public final class SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final ConcurrentHashMap<Integer, Session> sessions = new ConcurrentHashMap<>();
    private volatile int limit = Integer.MAX_VALUE;
    private final AtomicInteger nextTsih = new AtomicInteger(1);

    /** A fresh TSIH in 1..65535 not used by a live session. */
    public int newTsih() {
        for (int i = 0; i < 65536; i++) {
            int tsih = nextTsih.getAndUpdate(t -> t >= 0xffff ? 1 : t + 1);
            if (!sessions.containsKey(tsih)) {
                return tsih;
            }
        }
        throw new IllegalStateException("no free TSIH");
    }

    public boolean exists(int tsih) {
        return sessions.containsKey(tsih);
    }

    /** Most normal sessions at once (RFC 7143 11.13.5 "Out of resources" beyond it); discovery sessions are free. */
    public void limit(int maxSessions) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("session limit " + maxSessions + " < 1");
        }
        limit = maxSessions;
    }

    /**
     * Whether a new normal session may start: below the limit, or reinstating a session of the same initiator,
     * ISID and target (RFC 7143 6.3.5), which replaces it.
     */
    boolean admits(long isid, String initiatorName, String targetName) {
        int normal = 0;
        for (Session s : sessions.values()) {
            if (s.discovery()) {
                continue;
            }
            if (s.isid() == isid && s.parameters().initiatorName().equalsIgnoreCase(initiatorName)
                    && Objects.equals(s.targetName(), targetName)) {
                return true;
            }
            normal++;
        }
        return normal < limit;
    }

    void register(Session session) {
        for (Session old : sessions.values()) {
            if (old.isid() == session.isid() && !old.discovery() && !session.discovery()
                    && old.parameters().initiatorName().equalsIgnoreCase(session.parameters().initiatorName())
                    && Objects.equals(old.targetName(), session.targetName())) {
                LOG.info("reinstating {}: closing {}", session, old);
                sessions.remove(old.tsih(), old);
                old.close("session reinstatement");
            }
        }
        sessions.put(session.tsih(), session);
    }

    void unregister(Session session) {
        sessions.remove(session.tsih(), session);
    }

    public int size() {
        return sessions.size();
    }

    public List<Session> sessions() {
        return new ArrayList<>(sessions.values());
    }

    /** Closes every session of a target (removed, or after TARGET COLD RESET). */
    public void closeTarget(String targetName, String reason) {
        for (Session s : sessions.values()) {
            if (targetName.equalsIgnoreCase(String.valueOf(s.targetName()))) {
                s.close(reason);
            }
        }
    }

    /**
     * Asks every session of a removed target to log out (Async Message, RFC 7143 11.9.1) and closes those
     * still open after {@code seconds}.
     */
    public void retireTarget(String targetName, int seconds) {
        for (Session s : sessions.values()) {
            if (targetName.equalsIgnoreCase(String.valueOf(s.targetName()))) {
                s.requestLogout(seconds, "target removed");
            }
        }
    }

    /** Closes everything (server shutdown). */
    public void closeAll(String reason) {
        sessions.values().forEach(s -> s.close(reason));
    }
}
