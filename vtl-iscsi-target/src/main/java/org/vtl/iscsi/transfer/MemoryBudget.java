package org.vtl.iscsi.transfer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on one connection's received data: bytes held (Data-Out collected or handed to a logical unit
 * and not yet released) plus bytes reserved for R2Ts already sent. The event loop reserves and holds; a
 * logical unit may release from any thread, which then calls the release listener (the connection hops
 * back to its event loop to send R2Ts or reopen the CmdSN window).
 */
public final class MemoryBudget {

    private final long limit;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong reserved = new AtomicLong();
    private volatile Runnable onRelease = () -> { };

    public MemoryBudget(long limit) {
        this.limit = limit;
    }

    public void onRelease(Runnable listener) {
        this.onRelease = listener;
    }

    public long limit() {
        return limit;
    }

    public long held() {
        return held.get();
    }

    public long reserved() {
        return reserved.get();
    }

    /** Bytes neither held nor reserved. */
    public long free() {
        return limit - held.get() - reserved.get();
    }

    /** Reserves room for solicited data; false if it does not fit. */
    public boolean tryReserve(long bytes) {
        if (free() < bytes) {
            return false;
        }
        reserved.addAndGet(bytes);
        return true;
    }

    /** Gives back a reservation (the transfer was cancelled, or its bytes arrived and are now held). */
    public void unreserve(long bytes) {
        reserved.addAndGet(-bytes);
    }

    /** Counts received bytes now held. */
    public void hold(long bytes) {
        held.addAndGet(bytes);
    }

    /** Held bytes returned; any thread. */
    public void release(long bytes) {
        held.addAndGet(-bytes);
        onRelease.run();
    }
}
