package org.vtl.raid;

import java.util.concurrent.locks.LockSupport;

/**
 * The queue between stripe writers and one member's writer threads. A put wakes at most one idle writer,
 * by name ({@link LockSupport#unpark}), and none when every writer is busy: a busy writer takes the next
 * write itself when it finishes, so back-to-back stripes cost no wake-up at all. (A monitor with
 * {@code notifyAll} woke every idle writer of the member on every put; with eight O_DIRECT writers per
 * member that was about twenty context switches per stripe on two cores.) Puts never block: the ring grows
 * when full, which only happens while it warms up, since the stripe buffer pool bounds the writes in flight.
 * Allocates nothing per write in steady state.
 */
final class MemberQueue {

    private MemberWrite[] slots = new MemberWrite[16];
    private int head;
    private int size;
    private final Thread[] idle;
    private int idleCount;

    MemberQueue(int writers) {
        this.idle = new Thread[writers];
    }

    void put(MemberWrite w) {
        add(w, false);
    }

    /**
     * Queues {@code w} ahead of every waiting write: for a flush, which covers writes already completed and
     * need not wait for those queued after them.
     */
    void putFirst(MemberWrite w) {
        add(w, true);
    }

    private void add(MemberWrite w, boolean first) {
        Thread wake = null;
        synchronized (this) {
            if (size == slots.length) {
                grow();
            }
            if (first) {
                head = (head - 1) & (slots.length - 1);
                slots[head] = w;
            } else {
                slots[(head + size) & (slots.length - 1)] = w;
            }
            size++;
            if (idleCount > 0) {
                wake = idle[--idleCount];
                idle[idleCount] = null;
            }
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
    }

    /** The next write, parking while there is none. Only the writer threads given at construction call this. */
    MemberWrite take() throws InterruptedException {
        Thread me = Thread.currentThread();
        while (true) {
            synchronized (this) {
                if (size > 0) {
                    forget(me);
                    MemberWrite w = slots[head];
                    slots[head] = null;
                    head = (head + 1) & (slots.length - 1);
                    size--;
                    return w;
                }
                if (!listed(me)) {
                    idle[idleCount++] = me;
                }
            }
            LockSupport.park(this);
            if (Thread.interrupted()) {
                synchronized (this) {
                    forget(me);
                }
                throw new InterruptedException();
            }
        }
    }

    private boolean listed(Thread t) {
        for (int i = 0; i < idleCount; i++) {
            if (idle[i] == t) {
                return true;
            }
        }
        return false;
    }

    /** Removes {@code t} from the idle list if a spurious wake-up left it there. */
    private void forget(Thread t) {
        for (int i = 0; i < idleCount; i++) {
            if (idle[i] == t) {
                idle[i] = idle[--idleCount];
                idle[idleCount] = null;
                return;
            }
        }
    }

    private void grow() {
        MemberWrite[] bigger = new MemberWrite[slots.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = slots[(head + i) & (slots.length - 1)];
        }
        slots = bigger;
        head = 0;
    }
}
