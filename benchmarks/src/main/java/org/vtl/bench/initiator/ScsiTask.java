package org.vtl.bench.initiator;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One SCSI command in flight. Tasks are pooled per session (one per slot of the outstanding window) and reused,
 * each with its own direct header buffer; {@link #await()} returns the result and frees the slot.
 */
public final class ScsiTask {
    private final IscsiSession session;
    final int slot;
    final ByteBuffer header = ByteBuffer.allocateDirect(Bhs.LENGTH);
    /** Written last in {@link #prepare}, so the receiver's read of it publishes the other fields. */
    volatile int itt;
    int lun;
    ByteBuffer dataOut;
    ByteBuffer dataIn;
    int dataInBytes;
    private ScsiResult result;
    private RuntimeException failure;
    private boolean done;

    ScsiTask(IscsiSession session, int slot) {
        this.session = session;
        this.slot = slot;
    }

    void prepare(int taskTag, int logicalUnit, ByteBuffer out, ByteBuffer in) {
        lun = logicalUnit;
        dataOut = out;
        dataIn = in;
        dataInBytes = 0;
        synchronized (this) {
            result = null;
            failure = null;
            done = false;
        }
        itt = taskTag;
    }

    synchronized void complete(ScsiResult r) {
        if (!done) {
            result = r;
            done = true;
            notifyAll();
        }
    }

    synchronized void fail(RuntimeException e) {
        if (!done) {
            failure = e;
            done = true;
            notifyAll();
        }
    }

    /** Waits for the response, frees the slot, and returns the result (whatever the status). */
    public ScsiResult await() {
        return await(IscsiSession.COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    public ScsiResult await(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        ScsiResult r;
        RuntimeException f;
        synchronized (this) {
            while (!done) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IscsiException("no response to task " + Integer.toHexString(itt) + " in " + timeout
                            + " " + unit);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IscsiException("interrupted waiting for task", e);
                }
            }
            r = result;
            f = failure;
        }
        dataOut = null;
        dataIn = null;
        session.release(this);
        if (f != null) {
            throw f;
        }
        return r;
    }
}
