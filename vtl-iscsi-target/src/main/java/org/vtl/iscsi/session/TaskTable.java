package org.vtl.iscsi.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks of one session by Initiator Task Tag, and per LUN the tasks not yet handed to their logical unit
 * in CmdSN order: a command waits behind an earlier one still collecting Data-Out, so each logical unit
 * sees its commands in the order the initiator issued them. Event loop only.
 */
final class TaskTable {

    private final Map<Integer, Task> byTag = new HashMap<>();
    private final Map<Long, ArrayDeque<Task>> waiting = new HashMap<>();

    boolean contains(int itt) {
        return byTag.containsKey(itt);
    }

    void add(Task task) {
        byTag.put(task.itt, task);
        waiting.computeIfAbsent(task.lun, k -> new ArrayDeque<>()).add(task);
    }

    Task get(int itt) {
        return byTag.get(itt);
    }

    void remove(Task task) {
        byTag.remove(task.itt, task);
        ArrayDeque<Task> queue = waiting.get(task.lun);
        if (queue != null) {
            queue.remove(task);
        }
    }

    /** Takes the tasks at the head of the LUN's queue that have all their data, in order. */
    List<Task> takeReady(long lun) {
        ArrayDeque<Task> queue = waiting.get(lun);
        List<Task> out = new ArrayList<>(1);
        while (queue != null && !queue.isEmpty() && queue.peek().ready()) {
            out.add(queue.poll());
        }
        return out;
    }

    int size() {
        return byTag.size();
    }

    List<Task> all() {
        return new ArrayList<>(byTag.values());
    }

    List<Task> onLun(long lun) {
        List<Task> out = new ArrayList<>();
        for (Task t : byTag.values()) {
            if (t.lun == lun) {
                out.add(t);
            }
        }
        return out;
    }
}
