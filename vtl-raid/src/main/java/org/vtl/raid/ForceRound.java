package org.vtl.raid;

/**
 * One {@link Pool#sync()}: every writable member's fdatasync runs at once on that member's writer threads,
 * and the caller waits for the last. Six members flushed one after another cost six device cache flushes
 * in a row; overlapped they cost about one. Reused for every sync (callers take turns on its monitor).
 */
final class ForceRound {

    private int pending;

    /** fdatasync on every writable member of {@code groups}, all at once; one round at a time. */
    void run(RaidGroup[] groups) {
        synchronized (this) {
            int count = 0;
            for (RaidGroup g : groups) {
                for (Member m : g.members) {
                    count += m.writable() ? 1 : 0;
                }
            }
            pending = count;
            int asked = 0;
            for (RaidGroup g : groups) {
                for (Member m : g.members) {
                    if (asked < count && m.writable()) {
                        m.requestForce(this);
                        asked++;
                    }
                }
            }
            for (; asked < count; asked++) {
                done();
            }
            await();
        }
    }

    synchronized void done() {
        if (--pending == 0) {
            notifyAll();
        }
    }

    synchronized void await() {
        boolean interrupted = false;
        while (pending > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
