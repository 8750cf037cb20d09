package org.vtl.iscsi.tmf;

import org.vtl.iscsi.pdu.TaskMgmtRequest;
import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.TaskManagementResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Carries out task management requests (RFC 7143 11.5, SAM-5 7): the session first stops its own affected
 * tasks (drops Data-Out still being collected, marks dispatched tasks so their responses are not sent), then
 * forwards the function to the logical units, which complete the affected commands before answering. ABORT
 * TASK for a tag not (or no longer) known answers per 11.5.1: FUNCTION COMPLETE when RefCmdSN is inside the
 * window and before the request, TASK DOES NOT EXIST otherwise. CLEAR ACA and TASK REASSIGN (ERL 2) are
 * answered "not supported".
 */
public final class TaskManagement {

    /** The session's view of its tasks, as task management needs it. Event loop only. */
    public interface TaskSet {
        Nexus nexus();

        /** Logical units of the session's target by LUN. */
        Map<Long, LogicalUnit> units();

        /** Stops the task locally; returns false if there is no such task on that LUN. */
        boolean abortTask(int initiatorTaskTag, long lun);

        /** Stops all of this session's tasks on the LUN ({@code null}: on every LUN). */
        void abortTasks(Long lun);

        /** True if the CmdSN is inside the command window and before {@code before}. */
        boolean received(int refCmdSn, int before);
    }

    private TaskManagement() {
    }

    /** Runs one request; the stage completes (on any thread) with the response to send. */
    public static CompletionStage<TmfResponse> execute(TaskMgmtRequest request, long lun, TaskSet tasks) {
        TmfFunction function = TmfFunction.of(request.function());
        if (function == null || function.scsi() == null) {
            return done(function == TmfFunction.TASK_REASSIGN ? TmfResponse.REASSIGNMENT_NOT_SUPPORTED
                    : TmfResponse.NOT_SUPPORTED);
        }
        Map<Long, LogicalUnit> units = tasks.units();
        LogicalUnit unit = units.get(lun);
        if (function.lunScoped() && unit == null) {
            return done(TmfResponse.LUN_DOES_NOT_EXIST);
        }
        return switch (function) {
            case ABORT_TASK -> abortTask(request, lun, unit, tasks);
            case ABORT_TASK_SET, CLEAR_TASK_SET, LOGICAL_UNIT_RESET -> {
                tasks.abortTasks(lun);
                yield forward(List.of(unit), function, tasks.nexus(), 0);
            }
            default -> {
                tasks.abortTasks(null);
                yield forward(new ArrayList<>(units.values()), function, tasks.nexus(), 0);
            }
        };
    }

    private static CompletionStage<TmfResponse> abortTask(TaskMgmtRequest request, long lun, LogicalUnit unit,
                                                          TaskSet tasks) {
        if (!tasks.abortTask(request.referencedTaskTag(), lun)) {
            return done(tasks.received(request.refCmdSn(), request.cmdSn()) ? TmfResponse.FUNCTION_COMPLETE
                    : TmfResponse.TASK_DOES_NOT_EXIST);
        }
        return forward(List.of(unit), TmfFunction.ABORT_TASK, tasks.nexus(),
                request.referencedTaskTag() & 0xffff_ffffL);
    }

    private static CompletionStage<TmfResponse> forward(List<LogicalUnit> units, TmfFunction function, Nexus nexus,
                                                        long taskTag) {
        List<CompletableFuture<TaskManagementResponse>> all = new ArrayList<>(units.size());
        for (LogicalUnit u : units) {
            CompletableFuture<TaskManagementResponse> f;
            try {
                f = u.manageTask(function.scsi(), nexus, taskTag).toCompletableFuture();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            all.add(f.exceptionally(t -> TaskManagementResponse.FUNCTION_REJECTED));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> combine(all, function));
    }

    private static TmfResponse combine(List<CompletableFuture<TaskManagementResponse>> all, TmfFunction function) {
        TmfResponse result = TmfResponse.FUNCTION_COMPLETE;
        for (CompletableFuture<TaskManagementResponse> f : all) {
            TaskManagementResponse r = f.join();
            // The session already stopped the task; a logical unit that no longer knows it is still "complete".
            if (function == TmfFunction.ABORT_TASK && r == TaskManagementResponse.TASK_DOES_NOT_EXIST) {
                continue;
            }
            if (r != TaskManagementResponse.FUNCTION_COMPLETE) {
                result = TmfResponse.of(r);
            }
        }
        return result;
    }

    private static CompletionStage<TmfResponse> done(TmfResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
