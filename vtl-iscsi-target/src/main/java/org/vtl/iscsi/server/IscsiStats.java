package org.vtl.iscsi.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.vtl.iscsi.login.LoginStatus;
import org.vtl.iscsi.pdu.Opcode;
import org.vtl.iscsi.pdu.RejectReason;
import org.vtl.iscsi.session.SessionMetrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The iSCSI target's meters: {@code iscsi.sessions} (gauge, type=normal|discovery), {@code iscsi.pdus}
 * (direction, opcode), {@code iscsi.bytes} (data segment bytes, direction), {@code iscsi.rejects} (reason),
 * {@code iscsi.login.failures} (status), {@code iscsi.cmdsn.ignored} (commands outside the window),
 * {@code iscsi.internal.errors} and
 * {@code iscsi.command.latency} (timer per target and LUN). Meters are created up front or cached, so
 * recording allocates nothing per PDU.
 */
public final class IscsiStats implements SessionMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger normalSessions = new AtomicInteger();
    private final AtomicInteger discoverySessions = new AtomicInteger();
    private final Map<Opcode, Counter> pdusIn = new EnumMap<>(Opcode.class);
    private final Map<Opcode, Counter> pdusOut = new EnumMap<>(Opcode.class);
    private final Counter unknownPdus;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final Map<RejectReason, Counter> rejects = new EnumMap<>(RejectReason.class);
    private final Map<LoginStatus, Counter> loginFailures = new EnumMap<>(LoginStatus.class);
    private final Counter ignored;
    private final Counter internalErrors;
    private final ConcurrentHashMap<String, ConcurrentHashMap<Long, Timer>> latency = new ConcurrentHashMap<>();

    public IscsiStats(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("iscsi.sessions", normalSessions, AtomicInteger::get).tag("type", "normal")
                .description("open iSCSI sessions").register(registry);
        Gauge.builder("iscsi.sessions", discoverySessions, AtomicInteger::get).tag("type", "discovery")
                .description("open iSCSI sessions").register(registry);
        for (Opcode o : Opcode.values()) {
            Map<Opcode, Counter> map = o.fromInitiator() ? pdusIn : pdusOut;
            map.put(o, Counter.builder("iscsi.pdus").tag("direction", o.fromInitiator() ? "in" : "out")
                    .tag("opcode", o.name().toLowerCase(java.util.Locale.ROOT)).description("iSCSI PDUs")
                    .register(registry));
        }
        unknownPdus = Counter.builder("iscsi.pdus").tag("direction", "in").tag("opcode", "unknown")
                .description("iSCSI PDUs").register(registry);
        bytesIn = Counter.builder("iscsi.bytes").tag("direction", "in").baseUnit("bytes")
                .description("iSCSI data segment bytes").register(registry);
        bytesOut = Counter.builder("iscsi.bytes").tag("direction", "out").baseUnit("bytes")
                .description("iSCSI data segment bytes").register(registry);
        for (RejectReason r : RejectReason.values()) {
            rejects.put(r, Counter.builder("iscsi.rejects").tag("reason", r.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Reject PDUs sent and framing errors").register(registry));
        }
        for (LoginStatus s : LoginStatus.values()) {
            loginFailures.put(s, Counter.builder("iscsi.login.failures")
                    .tag("status", s.name().toLowerCase(java.util.Locale.ROOT)).description("failed logins")
                    .register(registry));
        }
        internalErrors = Counter.builder("iscsi.internal.errors")
                .description("connections closed because a handler failed unexpectedly").register(registry);
        ignored = Counter.builder("iscsi.cmdsn.ignored").description("PDUs outside the CmdSN window, ignored")
                .register(registry);
    }

    @Override
    public void sessionOpened(boolean discovery) {
        (discovery ? discoverySessions : normalSessions).incrementAndGet();
    }

    @Override
    public void sessionClosed(boolean discovery) {
        (discovery ? discoverySessions : normalSessions).decrementAndGet();
    }

    @Override
    public void pduReceived(Opcode opcode, int dataBytes) {
        Counter c = opcode == null ? unknownPdus : pdusIn.get(opcode);
        (c == null ? unknownPdus : c).increment();
        bytesIn.increment(dataBytes);
    }

    @Override
    public void pduSent(Opcode opcode, int dataBytes) {
        Counter c = pdusOut.get(opcode);
        if (c != null) {
            c.increment();
        }
        bytesOut.increment(dataBytes);
    }

    @Override
    public void rejected(RejectReason reason) {
        rejects.get(reason).increment();
    }

    @Override
    public void loginFailed(LoginStatus status) {
        loginFailures.get(status).increment();
    }

    @Override
    public void outOfWindow() {
        ignored.increment();
    }

    @Override
    public void commandCompleted(String target, long lun, long nanos) {
        latency.computeIfAbsent(target, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(lun, l -> Timer.builder("iscsi.command.latency").tag("target", target)
                        .tag("lun", Long.toString(l)).description("time from dispatch to a logical unit to response")
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void internalError() {
        internalErrors.increment();
    }

    public int normalSessions() {
        return normalSessions.get();
    }

    public int discoverySessions() {
        return discoverySessions.get();
    }
}
