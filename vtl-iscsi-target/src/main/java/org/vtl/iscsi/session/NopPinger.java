package org.vtl.iscsi.session;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.vtl.iscsi.pdu.BhsDescriptor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The target's pings to an idle initiator (RFC 7143 11.19: a NOP-In with a Target Transfer Tag asks for a
 * NOP-Out): after {@code interval} without any PDU from the initiator it sends one, and closes the connection
 * if the answer has not come within {@code timeout}. Activity only stores a timestamp, so the per-PDU cost is
 * one clock read; the timer re-arms itself. Event loop only.
 */
final class NopPinger {

    private final EventExecutor executor;
    private final IntConsumer sendPing;
    private final Consumer<String> close;
    private final long intervalNanos;
    private final long timeoutNanos;
    private ScheduledFuture<?> timer;
    private long lastActivity = System.nanoTime();
    private int pingTag;
    private int nextTag = 1;
    private boolean stopped;

    NopPinger(EventExecutor executor, IntConsumer sendPing, Consumer<String> close, Duration interval,
              Duration timeout) {
        this.executor = executor;
        this.sendPing = sendPing;
        this.close = close;
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
    }

    void start() {
        if (intervalNanos > 0) {
            schedule(intervalNanos);
        }
    }

    void activity() {
        lastActivity = System.nanoTime();
    }

    /** A NOP-Out with this TTT arrived. */
    void answered(int targetTransferTag) {
        if (pingTag != 0 && targetTransferTag == pingTag) {
            pingTag = 0;
            lastActivity = System.nanoTime();
            schedule(intervalNanos);
        }
    }

    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void schedule(long nanos) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (!stopped) {
            timer = executor.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        if (stopped) {
            return;
        }
        if (pingTag != 0) {
            close.accept("no answer to NOP-In ping");
            return;
        }
        long idle = System.nanoTime() - lastActivity;
        if (idle < intervalNanos) {
            schedule(intervalNanos - idle);
            return;
        }
        pingTag = nextTag++;
        if (nextTag == BhsDescriptor.RESERVED_TAG || nextTag == 0) {
            nextTag = 1;
        }
        sendPing.accept(pingTag);
        schedule(timeoutNanos);
    }
}
