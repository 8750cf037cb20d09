package org.vtl.iscsi.session;

import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.iscsi.login.SessionParameters;
import org.vtl.iscsi.pdu.BhsDescriptor;
import org.vtl.iscsi.pdu.DataOutHeader;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.R2t;
import org.vtl.iscsi.pdu.RejectReason;
import org.vtl.iscsi.pdu.ScsiCommandHeader;
import org.vtl.iscsi.tmf.TaskManagement;
import org.vtl.iscsi.transfer.DataInSegmenter;
import org.vtl.iscsi.transfer.DataOutCollector;
import org.vtl.iscsi.transfer.MemoryBudget;
import org.vtl.iscsi.transfer.R2tScheduler;
import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiCommand;
import org.vtl.scsi.ScsiResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * SCSI commands of one session (RFC 7143 3.2.2, 4.3.4): builds a {@link Task} from the SCSI Command PDU,
 * collects its Data-Out (immediate, unsolicited, then solicited by R2T), hands it to the logical unit in
 * per-LUN CmdSN order, and sends the response through {@link DataInSegmenter}. Logical unit completions hop
 * back to the event loop. Event loop only.
 */
final class CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
    private static final int AHS_EXTENDED_CDB = 1;
    private static final int AHS_BIDI_READ_LENGTH = 2;

    private final Connection connection;
    private final FullFeaturePhase phase;
    private final Session session;
    private final TargetDirectory directory;
    private final MemoryBudget budget;
    private final SessionMetrics metrics;
    private final SessionParameters parameters;
    private final TaskTable tasks = new TaskTable();
    private final R2tScheduler r2t;
    private final DataInSegmenter segmenter;
    private final ScsiCommandHeader command = new ScsiCommandHeader();
    private final DataOutHeader dataOut = new DataOutHeader();
    /** The largest write this connection can hold at once: the memory bound less one burst of headroom. */
    private final long maxWrite;
    private boolean closed;

    CommandHandler(Connection connection, FullFeaturePhase phase, Session session, TargetDirectory directory,
                   MemoryBudget budget, SessionMetrics metrics) {
        this.connection = connection;
        this.phase = phase;
        this.session = session;
        this.directory = directory;
        this.budget = budget;
        this.metrics = metrics;
        this.parameters = session.parameters();
        this.r2t = new R2tScheduler(budget, parameters.maxBurstLength(), parameters.maxOutstandingR2T(),
                this::sendR2t);
        this.segmenter = new DataInSegmenter(parameters.initiatorMaxRecvDataSegmentLength(),
                parameters.maxBurstLength());
        this.maxWrite = budget.limit() - parameters.maxBurstLength();
    }

    int inFlight() {
        return tasks.size();
    }

    void command(Pdu pdu) {
        command.wrap(pdu.bhs());
        if (session.discovery()) {
            throw IscsiProtocolException.reject(RejectReason.PROTOCOL_ERROR, pdu.bhsBytes());
        }
        int itt = command.initiatorTaskTag();
        if (itt == BhsDescriptor.RESERVED_TAG || tasks.contains(itt)) {
            throw IscsiProtocolException.reject(RejectReason.TASK_IN_PROGRESS, pdu.bhsBytes());
        }
        int dataLength = pdu.data().readableBytes();
        long expected = command.expectedDataTransferLength();
        boolean write = command.write();
        if (dataLength > 0 && (!write || !parameters.immediateData() || dataLength > expected
                || dataLength > parameters.firstBurstLength())) {
            throw IscsiProtocolException.reject(RejectReason.PROTOCOL_ERROR, pdu.bhsBytes());
        }
        byte[] cdb = cdb(pdu);
        long lunField = command.lun();
        long lun = TargetLuns.decode(lunField);
        Map<Long, LogicalUnit> units = directory.luns(session.targetName());
        LogicalUnit unit = lun < 0 ? null : units.get(lun);
        int expectedIn = command.read() ? readLength(pdu, write, expected) : 0;
        if (cdb.length == 0) {
            throw IscsiProtocolException.reject(RejectReason.INVALID_PDU_FIELD, pdu.bhsBytes());
        }
        ScsiResponse early = transportAnswer(cdb, unit, units, write, expected);
        DataOutCollector collector = null;
        if (early == null && write && expected > 0) {
            collector = collector(pdu, (int) expected);
        }
        Task task = new Task(itt, lunField, lun, cdb, expectedIn, command.cmdSn(), unit, collector);
        tasks.add(task);
        if (early == null && !pdu.dataDigestValid()) {
            early = TargetLuns.digestFailure();
        }
        if (early != null) {
            if (collector != null) {
                collector.discard();
            }
            tasks.remove(task);
            respond(task, early);
            return;
        }
        if (collector != null && !collector.complete()) {
            r2t.solicit(task, collector);
        }
        dispatchReady(lun);
    }

    /** Answers the transport gives itself: REPORT LUNS, absent LUNs, writes too big for the memory bound. */
    private ScsiResponse transportAnswer(byte[] cdb, LogicalUnit unit, Map<Long, LogicalUnit> units, boolean write,
                                         long expected) {
        int opcode = cdb[0] & 0xff;
        if (opcode == TargetLuns.REPORT_LUNS) {
            return TargetLuns.reportLuns(cdb, units.keySet());
        }
        if (unit == null) {
            return opcode == TargetLuns.INQUIRY ? TargetLuns.absentInquiry(cdb) : TargetLuns.lunNotSupported();
        }
        if (write && expected > maxWrite) {
            LOG.warn("{}: write of {} bytes exceeds the connection memory bound", session, expected);
            return TargetLuns.writeTooLarge();
        }
        return null;
    }

    private DataOutCollector collector(Pdu pdu, int expected) {
        int immediate = pdu.data().readableBytes();
        int unsolicitedEnd = immediate;
        if (!parameters.initialR2T() && !command.finalBit()) {
            unsolicitedEnd = Math.min(parameters.firstBurstLength(), expected);
        }
        DataOutCollector collector = new DataOutCollector(expected, Math.max(unsolicitedEnd, immediate), budget);
        if (immediate > 0) {
            collector.addImmediate(pdu.data().retainedSlice());
        }
        return collector;
    }

    private int readLength(Pdu pdu, boolean write, long expected) {
        if (!write) {
            return (int) Math.min(expected, Integer.MAX_VALUE);
        }
        ByteBuf ahs = pdu.ahs();
        for (int at = ahs.readerIndex(); at + 4 <= ahs.writerIndex(); ) {
            int length = ahs.getUnsignedShort(at);
            if (ahs.getByte(at + 2) == AHS_BIDI_READ_LENGTH && length >= 5) {
                return (int) Math.min(ahs.getUnsignedInt(at + 4), Integer.MAX_VALUE);
            }
            at += (3 + length + 3) & ~3;
        }
        return 0;
    }

    /** The CDB: 16 bytes of the BHS cut to its group's length, or longer with an Extended CDB AHS. */
    private byte[] cdb(Pdu pdu) {
        ByteBuf ahs = pdu.ahs();
        for (int at = ahs.readerIndex(); at + 4 <= ahs.writerIndex(); ) {
            int length = ahs.getUnsignedShort(at);
            if (ahs.getByte(at + 2) == AHS_EXTENDED_CDB) {
                int extra = length - 1;
                if (extra <= 0 || at + 4 + extra > ahs.writerIndex()) {
                    return new byte[0];
                }
                byte[] cdb = new byte[ScsiCommandHeader.CDB_LENGTH + extra];
                command.cdb(cdb, 0);
                ahs.getBytes(at + 4, cdb, ScsiCommandHeader.CDB_LENGTH, extra);
                return cdb;
            }
            at += (3 + length + 3) & ~3;
        }
        byte[] full = new byte[ScsiCommandHeader.CDB_LENGTH];
        command.cdb(full, 0);
        int length = TargetLuns.cdbLength(full[0] & 0xff);
        return length == full.length ? full : java.util.Arrays.copyOf(full, length);
    }

    void dataOut(Pdu pdu) {
        dataOut.wrap(pdu.bhs());
        Task task = tasks.get(dataOut.initiatorTaskTag());
        int ttt = dataOut.targetTransferTag();
        if (task == null || task.collector == null || task.dispatched) {
            if (ttt != BhsDescriptor.RESERVED_TAG) {
                phase.reject(pdu, RejectReason.INVALID_PDU_FIELD);
            }
            // Unsolicited data for a command already answered (e.g. refused early) is dropped quietly.
            return;
        }
        if (!pdu.dataDigestValid()) {
            phase.reject(pdu, RejectReason.DATA_DIGEST_ERROR);
            fail(task, TargetLuns.digestFailure());
            return;
        }
        DataOutCollector.Outcome outcome = task.collector.add(ttt, dataOut.bufferOffset(), pdu.data().retainedSlice());
        switch (outcome) {
            case ACCEPTED -> { }
            case BURST_DONE -> r2t.solicit(task, task.collector);
            case COMPLETE -> dispatchReady(task.lun);
            case BAD_OFFSET, UNKNOWN_TRANSFER_TAG -> {
                phase.reject(pdu, RejectReason.PROTOCOL_ERROR);
                fail(task, TargetLuns.dataPhaseError());
            }
        }
    }

    /** Ends a task before it reached its logical unit, with the given status. */
    private void fail(Task task, ScsiResponse response) {
        task.collector.discard();
        r2t.forget(task.collector);
        tasks.remove(task);
        respond(task, response);
        dispatchReady(task.lun);
    }

    private void sendR2t(Object owner, int ttt, int r2tSn, int offset, int length) {
        Task task = (Task) owner;
        connection.send(new R2t(task.lunField, task.itt, ttt, connection.statSn(), phase.window().expCmdSn(),
                phase.currentMaxCmdSn(), r2tSn, offset, length));
    }

    private void dispatchReady(long lun) {
        List<Task> ready = tasks.takeReady(lun);
        for (Task task : ready) {
            dispatch(task);
        }
    }

    private void dispatch(Task task) {
        Payload data = task.collector == null ? Payload.EMPTY : task.collector.payload();
        ScsiCommand scsi = new ScsiCommand(session.nexus(), task.lun, task.itt & 0xffff_ffffL, task.cdb,
                task.expectedDataIn, data);
        task.dispatched = true;
        task.dispatchNanos = System.nanoTime();
        CompletionStage<ScsiResponse> stage;
        try {
            stage = task.unit.execute(scsi);
        } catch (RuntimeException e) {
            data.release();
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((response, failure) -> connection.runOnLoop(() -> completed(task, response, failure),
                () -> {
                    if (response != null) {
                        response.dataIn().release();
                    }
                }));
    }

    private void completed(Task task, ScsiResponse response, Throwable failure) {
        tasks.remove(task);
        ScsiResponse outcome = response;
        if (failure != null || response == null) {
            LOG.warn("{}: LUN {} failed task 0x{}", session, task.lun, Integer.toHexString(task.itt), failure);
            outcome = TargetLuns.internalFailure();
        }
        metrics.commandCompleted(session.targetName(), task.lun, System.nanoTime() - task.dispatchNanos);
        if (task.aborted || closed) {
            outcome.dataIn().release();
            return;
        }
        respond(task, outcome);
        connection.flush();
    }

    private void respond(Task task, ScsiResponse response) {
        segmenter.respond(connection, task.lunField, task.itt, task.expectedDataIn, response);
    }

    void memoryReleased() {
        r2t.memoryReleased();
    }

    /** Task management's view of this session's tasks. */
    TaskManagement.TaskSet taskSet(CmdSnWindow window, int windowSize) {
        return new TaskManagement.TaskSet() {
            @Override
            public Nexus nexus() {
                return session.nexus();
            }

            @Override
            public Map<Long, LogicalUnit> units() {
                return directory.luns(session.targetName());
            }

            @Override
            public boolean abortTask(int itt, long lun) {
                Task task = tasks.get(itt);
                if (task == null || task.lun != lun) {
                    return false;
                }
                abort(task);
                return true;
            }

            @Override
            public void abortTasks(Long lun) {
                for (Task task : lun == null ? tasks.all() : tasks.onLun(lun)) {
                    abort(task);
                }
            }

            @Override
            public boolean received(int refCmdSn, int before) {
                return CmdSnWindow.before(refCmdSn, before) && before - refCmdSn <= windowSize;
            }
        };
    }

    /** Stops a task: a dispatched one loses its response; one still collecting data is dropped now. */
    private void abort(Task task) {
        task.aborted = true;
        if (!task.dispatched) {
            if (task.collector != null) {
                task.collector.discard();
                r2t.forget(task.collector);
            }
            tasks.remove(task);
            dispatchReady(task.lun);
        }
    }

    void connectionLost() {
        closed = true;
        for (Task task : tasks.all()) {
            if (!task.dispatched && task.collector != null) {
                task.collector.discard();
            }
        }
        if (!session.discovery()) {
            for (LogicalUnit unit : directory.luns(session.targetName()).values()) {
                try {
                    unit.nexusLost(session.nexus());
                } catch (RuntimeException e) {
                    LOG.warn("{}: nexusLost failed", session, e);
                }
            }
        }
    }
}
