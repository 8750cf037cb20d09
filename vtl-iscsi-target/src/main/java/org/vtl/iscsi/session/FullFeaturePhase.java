package org.vtl.iscsi.session;

import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.iscsi.pdu.BhsDescriptor;
import org.vtl.iscsi.pdu.LogoutRequest;
import org.vtl.iscsi.pdu.LogoutResponse;
import org.vtl.iscsi.pdu.NopIn;
import org.vtl.iscsi.pdu.NopOut;
import org.vtl.iscsi.pdu.Opcode;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.Reject;
import org.vtl.iscsi.pdu.RejectReason;
import org.vtl.iscsi.pdu.TaskMgmtRequest;
import org.vtl.iscsi.pdu.TaskMgmtResponse;
import org.vtl.iscsi.pdu.TextRequest;
import org.vtl.iscsi.tmf.TaskManagement;
import org.vtl.iscsi.tmf.TmfFunction;
import org.vtl.iscsi.tmf.TmfResponse;
import org.vtl.iscsi.transfer.MemoryBudget;

/**
 * The full feature phase of one connection (RFC 7143 7.1.3): orders non-immediate PDUs by CmdSN
 * ({@link CmdSnWindow}), answers NOP-Out, Logout, Text and task management, rejects what does not belong, and
 * hands SCSI Command and Data-Out PDUs to {@link CommandHandler}. MaxCmdSN grows only by the credit the
 * session can afford: free task slots, memory for the unsolicited data a new command may bring, and a
 * writable socket. Event loop only.
 */
final class FullFeaturePhase {

    private static final Logger LOG = LoggerFactory.getLogger(FullFeaturePhase.class);

    private final Connection connection;
    private final Session session;
    private final PortalSettings settings;
    private final MemoryBudget budget;
    private final CmdSnWindow window;
    private final SessionMetrics metrics;
    private final CommandHandler commands;
    private final TextExchange text;
    private final long unsolicitedPerCommand;
    private boolean loggingOut;

    FullFeaturePhase(Connection connection, Session session, PortalSettings settings, TargetDirectory directory,
                     MemoryBudget budget, CmdSnWindow window, SessionMetrics metrics) {
        this.connection = connection;
        this.session = session;
        this.settings = settings;
        this.budget = budget;
        this.window = window;
        this.metrics = metrics;
        this.commands = new CommandHandler(connection, this, session, directory, budget, metrics);
        this.text = new TextExchange(connection, this, session, directory, settings);
        var p = session.parameters();
        long unsolicited = 0;
        if (!p.initialR2T()) {
            unsolicited = p.firstBurstLength();
        } else if (p.immediateData()) {
            unsolicited = Math.min(p.firstBurstLength(), p.targetMaxRecvDataSegmentLength());
        }
        this.unsolicitedPerCommand = unsolicited;
    }

    CmdSnWindow window() {
        return window;
    }

    void received(Pdu pdu) {
        connection.activity();
        try {
            dispatch(pdu);
        } catch (IscsiProtocolException e) {
            handle(e);
        }
    }

    /** The one place protocol violations become a Reject or a closed connection (RFC 7143 11.17, 7.1.3). */
    private void handle(IscsiProtocolException e) {
        if (e.closesConnection()) {
            connection.close(e.getMessage());
        } else {
            reject(e.reason(), e.rejectedHeader());
        }
    }

    private void dispatch(Pdu pdu) {
        Opcode opcode = pdu.opcode();
        if (opcode == null) {
            reject(pdu, RejectReason.COMMAND_NOT_SUPPORTED);
            return;
        }
        switch (opcode) {
            case DATA_OUT -> commands.dataOut(pdu);
            case SNACK_REQUEST -> reject(pdu, RejectReason.COMMAND_NOT_SUPPORTED);
            case NOP_OUT, SCSI_COMMAND, TASK_MGMT_REQUEST, TEXT_REQUEST, LOGOUT_REQUEST -> sequence(pdu);
            default -> reject(pdu, RejectReason.PROTOCOL_ERROR);
        }
    }

    /** RFC 7143 4.2.2.1: immediate PDUs go at once; others in CmdSN order inside the window. */
    private void sequence(Pdu pdu) {
        if (pdu.immediate()) {
            deliver(pdu);
            return;
        }
        int cmdSn = BhsDescriptor.intAt(pdu.bhs(), BhsDescriptor.FIELD24_OFFSET);
        switch (window.classify(cmdSn)) {
            case EXPECTED -> {
                window.advance();
                deliver(pdu);
                drainHeld();
            }
            case AHEAD -> {
                if (window.hold(cmdSn, pdu.retain())) {
                    budget.hold(pdu.data().readableBytes());
                } else {
                    pdu.release();
                    metrics.outOfWindow();
                }
            }
            case OUTSIDE -> {
                metrics.outOfWindow();
                LOG.debug("{}: CmdSN {} outside [{}, {}], ignored", session, Integer.toUnsignedString(cmdSn),
                        Integer.toUnsignedString(window.expCmdSn()), Integer.toUnsignedString(window.maxCmdSn()));
            }
        }
    }

    private void drainHeld() {
        Object next;
        while ((next = window.takeExpected()) != null) {
            Pdu held = (Pdu) next;
            int bytes = held.data().readableBytes();
            try {
                window.advance();
                deliver(held);
            } catch (IscsiProtocolException e) {
                handle(e);
            } finally {
                held.release();
                if (bytes > 0) {
                    budget.release(bytes);
                }
            }
        }
    }

    private void deliver(Pdu pdu) {
        if (loggingOut) {
            reject(pdu, RejectReason.WAITING_FOR_LOGOUT);
            return;
        }
        if (!pdu.dataDigestValid() && pdu.opcode() != Opcode.SCSI_COMMAND) {
            reject(pdu, RejectReason.DATA_DIGEST_ERROR);
            return;
        }
        switch (pdu.opcode()) {
            case NOP_OUT -> nopOut(NopOut.decode(pdu));
            case SCSI_COMMAND -> commands.command(pdu);
            case TASK_MGMT_REQUEST -> taskManagement(TaskMgmtRequest.decode(pdu));
            case TEXT_REQUEST -> text.request(TextRequest.decode(pdu));
            case LOGOUT_REQUEST -> logout(LogoutRequest.decode(pdu));
            default -> reject(pdu, RejectReason.PROTOCOL_ERROR);
        }
    }

    private void nopOut(NopOut nop) {
        if (nop.initiatorTaskTag() == BhsDescriptor.RESERVED_TAG) {
            if (nop.targetTransferTag() != BhsDescriptor.RESERVED_TAG) {
                connection.pingAnswered(nop.targetTransferTag());
            }
            return;
        }
        // RFC 7143 11.19: echo the ping data with the initiator's ITT; TTT reserved.
        connection.send(new NopIn(nop.lun(), nop.initiatorTaskTag(), BhsDescriptor.RESERVED_TAG,
                connection.takeStatSn(), window.expCmdSn(), currentMaxCmdSn(), nop.pingData()));
    }

    private void taskManagement(TaskMgmtRequest request) {
        long lun = TargetLuns.decode(request.lun());
        TaskManagement.execute(request, lun, commands.taskSet(window, settings.commandWindow()))
                .whenComplete((response, failure) -> connection.runOnLoop(() -> {
                    TmfResponse r = failure != null ? TmfResponse.REJECTED : response;
                    connection.send(new TaskMgmtResponse(r.code(), request.initiatorTaskTag(),
                            connection.takeStatSn(), window.expCmdSn(), currentMaxCmdSn()));
                    connection.flush();
                    if (request.function() == TmfFunction.TARGET_COLD_RESET.code()
                            && r == TmfResponse.FUNCTION_COMPLETE && session.targetName() != null) {
                        connection.closeTargetSessions(session.targetName());
                    }
                }, () -> { }));
    }

    private void logout(LogoutRequest request) {
        int response = switch (request.reason()) {
            case LogoutRequest.CLOSE_SESSION, LogoutRequest.CLOSE_CONNECTION -> LogoutResponse.CLOSED;
            default -> LogoutResponse.RECOVERY_NOT_SUPPORTED;
        };
        if (request.reason() == LogoutRequest.CLOSE_CONNECTION && request.cid() != 0
                && request.cid() != connection.cid()) {
            response = LogoutResponse.CID_NOT_FOUND;
        }
        connection.send(new LogoutResponse(response, request.initiatorTaskTag(), connection.takeStatSn(),
                window.expCmdSn(), currentMaxCmdSn(), settings.parameters().defaultTime2Wait(),
                settings.parameters().defaultTime2Retain()));
        if (response == LogoutResponse.CLOSED) {
            loggingOut = true;
            connection.close("logout");
        }
    }

    void reject(Pdu pdu, RejectReason reason) {
        reject(reason, pdu.bhsBytes());
    }

    private void reject(RejectReason reason, byte[] bhs) {
        metrics.rejected(reason);
        LOG.debug("{}: reject opcode 0x{} ({})", session, Integer.toHexString(bhs[0] & 0x3f), reason);
        connection.send(new Reject(reason.code(), connection.takeStatSn(), window.expCmdSn(), currentMaxCmdSn(), 0,
                bhs));
    }

    /** MaxCmdSN widened by what the session can afford now (RFC 7143 4.2.2.1). */
    int currentMaxCmdSn() {
        int slots = settings.commandWindow() - commands.inFlight() - window.heldCount();
        if (unsolicitedPerCommand > 0) {
            long affordable = Math.max(0, budget.free()) / unsolicitedPerCommand;
            slots = (int) Math.min(slots, affordable);
        }
        if (!connection.writable()) {
            slots = 0;
        }
        return window.widen(slots);
    }

    /** Memory came back: ask for more data and tell a stalled initiator the window reopened. */
    void memoryReleased() {
        commands.memoryReleased();
        windowMayHaveOpened();
    }

    void windowMayHaveOpened() {
        if (window.closed() && !loggingOut) {
            int before = window.maxCmdSn();
            int after = currentMaxCmdSn();
            if (after != before) {
                // RFC 7143 11.19: a NOP-In with both tags reserved just carries the new MaxCmdSN.
                connection.send(new NopIn(0, BhsDescriptor.RESERVED_TAG, BhsDescriptor.RESERVED_TAG,
                        connection.statSn(), window.expCmdSn(), after, new byte[0]));
            }
        }
    }

    void connectionLost() {
        window.clear();
        commands.connectionLost();
    }

    static void releaseQuietly(Object o) {
        ReferenceCountUtil.safeRelease(o);
    }
}
