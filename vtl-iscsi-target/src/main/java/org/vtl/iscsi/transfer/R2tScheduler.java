package org.vtl.iscsi.transfer;

import java.util.ArrayDeque;

/**
 * Decides when to send R2Ts (RFC 7143 4.3.4.1, 11.8): per task at most MaxOutstandingR2T in flight, each for
 * at most MaxBurstLength, and only while the connection's {@link MemoryBudget} can reserve the bytes asked
 * for. A task that does not fit waits in FIFO order until memory is released: a slow logical unit therefore
 * slows the initiator through R2Ts instead of filling memory. One per connection, event loop only.
 */
public final class R2tScheduler {

    /** Sends one R2T; the connection supplies StatSN, ExpCmdSN and MaxCmdSN. */
    public interface Sender {
        void sendR2t(Object task, int targetTransferTag, int r2tSn, int offset, int length);
    }

    private final MemoryBudget budget;
    private final int maxBurstLength;
    private final int maxOutstandingR2t;
    private final Sender sender;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int nextTag = 1;

    private record Waiting(Object task, DataOutCollector collector) {
    }

    public R2tScheduler(MemoryBudget budget, int maxBurstLength, int maxOutstandingR2t, Sender sender) {
        this.budget = budget;
        this.maxBurstLength = maxBurstLength;
        this.maxOutstandingR2t = maxOutstandingR2t;
        this.sender = sender;
    }

    /** Solicits what the task still needs, as far as limits and memory allow. */
    public void solicit(Object task, DataOutCollector collector) {
        if (!waiting.isEmpty() && !isWaiting(collector)) {
            // Keep FIFO fairness: earlier tasks get memory first.
            waiting.add(new Waiting(task, collector));
            return;
        }
        issue(task, collector);
    }

    private boolean isWaiting(DataOutCollector collector) {
        for (Waiting w : waiting) {
            if (w.collector == collector) {
                return true;
            }
        }
        return false;
    }

    /** Returns true if everything that can be asked for now has been asked for. */
    private boolean issue(Object task, DataOutCollector collector) {
        while (!collector.discarded() && collector.unsolicited() > 0
                && collector.outstandingR2ts() < maxOutstandingR2t) {
            int length = Math.min(maxBurstLength, collector.unsolicited());
            if (!budget.tryReserve(length)) {
                if (!isWaiting(collector)) {
                    waiting.add(new Waiting(task, collector));
                }
                return false;
            }
            int ttt = nextTag();
            int offset = collector.nextOffset();
            int r2tSn = collector.solicit(ttt, length);
            sender.sendR2t(task, ttt, r2tSn, offset, length);
        }
        return true;
    }

    private int nextTag() {
        int tag = nextTag++;
        if (nextTag == org.vtl.iscsi.pdu.BhsDescriptor.RESERVED_TAG || nextTag == 0) {
            nextTag = 1;
        }
        return tag;
    }

    /** Memory came back: serve the waiting tasks in order. */
    public void memoryReleased() {
        while (!waiting.isEmpty()) {
            Waiting head = waiting.peek();
            if (head.collector.discarded()) {
                waiting.poll();
                continue;
            }
            if (!issue(head.task, head.collector)) {
                return;
            }
            waiting.poll();
        }
    }

    /** Forgets a task (aborted or failed). */
    public void forget(DataOutCollector collector) {
        waiting.removeIf(w -> w.collector == collector);
    }

    public int waitingTasks() {
        return waiting.size();
    }
}
