package org.vtl.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded submission queue and the request pool behind it, under one monitor. The pool holds exactly
 * {@code depth} requests and a request returns to it only after its completion was delivered, so {@code depth}
 * bounds the requests in flight (queued, running, or finished but waiting for an earlier request of the same
 * stream). A submitter that finds the pool empty waits ({@link #acquire(boolean)} with {@code block}) or is
 * told so. The ring has {@code depth} slots, so enqueueing never waits.
 *
 * <p>Idle engine threads do not wait on the monitor: each puts itself on an idle stack and parks. An enqueue hands
 * the request's wake-up to exactly one idle thread ({@code LockSupport.unpark}, outside the monitor), so a
 * submission wakes one thread instead of all of them and never makes the woken thread fight the submitter for the
 * monitor. At most one idle thread at a time spins for a while before it parks, and an enqueue picks that thread
 * first: a submitter that sends one block at a time and waits for it (a tape drive) then finds a thread already
 * awake instead of paying a kernel wake-up, while on a small machine only one core is ever spent spinning.
 * Monitor waits (submitters on a full pool) and parking allocate no Java objects.
 */
final class SubmissionQueue {

    enum State { RUNNING, DRAINING, STOPPED }

    private final CompressJob[] ring;
    private final int depth;
    private int head;
    private int count;
    private CompressJob free;
    private int freeCount;
    /** Requests taken from the pool but not yet enqueued: workers may not exit while any exist. */
    private int reserved;
    private int waitingSubmitters;
    /** Engine threads with nothing to do, parked or about to park; woken one per enqueued request. */
    private final EngineThread[] idle;
    private int idleCount;
    /** The idle thread that is spinning (or about to), if any: enqueues wake it first. */
    private EngineThread spinner;
    private State state = State.RUNNING;

    SubmissionQueue(int depth, int threads) {
        this.depth = depth;
        this.ring = new CompressJob[depth];
        this.idle = new EngineThread[threads];
        for (int i = 0; i < depth; i++) {
            CompressJob job = new CompressJob();
            job.nextFree = free;
            free = job;
        }
        freeCount = depth;
    }

    /**
     * Takes a free request.
     *
     * @return a request, or {@code null} if none is free and {@code block} is false
     * @throws RejectedExecutionException if the engine is shutting down
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized CompressJob acquire(boolean block) throws InterruptedException {
        while (true) {
            if (state != State.RUNNING) {
                throw new RejectedExecutionException("compression engine is shut down");
            }
            if (free != null) {
                CompressJob job = free;
                free = job.nextFree;
                job.nextFree = null;
                freeCount--;
                reserved++;
                return job;
            }
            if (!block) {
                return null;
            }
            waitingSubmitters++;
            try {
                wait();
            } finally {
                waitingSubmitters--;
            }
        }
    }

    /** Queues an acquired request; returns false if the engine stopped meanwhile (the caller aborts it). */
    boolean enqueue(CompressJob job) {
        EngineThread wake;
        synchronized (this) {
            reserved--;
            if (state == State.STOPPED) {
                wakeAll();
                return false;
            }
            int tail = head + count;
            ring[tail >= depth ? tail - depth : tail] = job;
            count++;
            if (state == State.DRAINING) {
                wakeAll(); // the last request of a drain must also let the other idle threads see it and exit
                return true;
            }
            wake = popIdle();
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
        return true;
    }

    /** Takes one idle engine thread off the stack, the spinning one first, and marks it woken (caller unparks). */
    private EngineThread popIdle() {
        if (idleCount == 0) {
            return null;
        }
        int at = idleCount - 1;
        if (spinner != null) {
            while (idle[at] != spinner) {
                at--;
            }
            spinner = null;
        }
        EngineThread thread = idle[at];
        System.arraycopy(idle, at + 1, idle, at, idleCount - 1 - at);
        idle[--idleCount] = null;
        thread.idle = false;
        return thread;
    }

    /** Gives back a request that was acquired but will not be enqueued. */
    synchronized void unreserve(CompressJob job) {
        reserved--;
        releaseLocked(job);
    }

    /**
     * Next request to run for {@code self}; {@code null} when the engine is stopping and no more work can arrive.
     * With nothing queued the thread goes on the idle stack; if no other idle thread is spinning it spins for up to
     * {@code spinNanos} (a request submitted meanwhile starts without a kernel wake-up), then it parks until an
     * enqueue or a shutdown wakes it.
     */
    CompressJob take(EngineThread self, long spinNanos) {
        boolean spin;
        while (true) {
            synchronized (this) {
                if (state == State.STOPPED) {
                    return null;
                }
                if (count > 0) {
                    CompressJob job = ring[head];
                    ring[head] = null;
                    head = head + 1 == depth ? 0 : head + 1;
                    count--;
                    return job;
                }
                if (state == State.DRAINING && reserved == 0) {
                    return null;
                }
                self.idle = true;
                idle[idleCount++] = self;
                spin = spinner == null && spinNanos > 0;
                if (spin) {
                    spinner = self;
                }
            }
            if (spin) {
                spinUntilWoken(self, spinNanos);
            }
            while (self.idle) {
                LockSupport.park(this);
                // Engine threads end only through shutdown; an interrupt must not turn parking into spinning.
                Thread.interrupted();
            }
        }
    }

    private void spinUntilWoken(EngineThread self, long spinNanos) {
        long deadline = System.nanoTime() + spinNanos;
        while (self.idle && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        synchronized (this) {
            if (spinner == self) {
                spinner = null; // spun out: park, and let the next thread to go idle spin
            }
        }
    }

    /** Returns a delivered request to the pool. */
    synchronized void release(CompressJob job) {
        releaseLocked(job);
    }

    private void releaseLocked(CompressJob job) {
        job.clear();
        job.nextFree = free;
        free = job;
        freeCount++;
        if (state != State.RUNNING) {
            wakeAll();
        } else if (waitingSubmitters > 0) {
            notifyAll();
        }
    }

    /** Stops accepting; queued work still runs. */
    synchronized void drain() {
        if (state == State.RUNNING) {
            state = State.DRAINING;
        }
        wakeAll();
    }

    /** Stops accepting and running; returns the queued requests, which the caller must abort. */
    synchronized List<CompressJob> stop() {
        state = State.STOPPED;
        List<CompressJob> unstarted = new ArrayList<>(count);
        while (count > 0) {
            unstarted.add(ring[head]);
            ring[head] = null;
            head = head + 1 == depth ? 0 : head + 1;
            count--;
        }
        wakeAll();
        return unstarted;
    }

    /** Waits until every request is back in the pool (all completions delivered). */
    synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (freeCount < depth) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void wakeAll() {
        notifyAll();
        EngineThread thread;
        while ((thread = popIdle()) != null) {
            LockSupport.unpark(thread);
        }
    }

    synchronized State state() {
        return state;
    }

    /** Requests in flight: taken from the pool and not yet delivered. */
    synchronized int inFlight() {
        return depth - freeCount;
    }

    synchronized int queued() {
        return count;
    }

    int depth() {
        return depth;
    }
}
