package org.vtl.scsi;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on an underlying executor: the ordered queue of one
 * logical unit (tape is sequential). It owns no thread; at most one task of this queue runs at a time.
 */
public final class SerialExecutor implements Executor {

    private final Executor underlying;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor underlying) {
        this.underlying = underlying;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            underlying.execute(this::drain);
        } catch (RuntimeException e) {
            synchronized (queue) {
                queue.remove(task);
                running = false;
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            next.run();
        }
    }
}
