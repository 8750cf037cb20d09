package org.vtl.iscsi.session;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.iscsi.login.LoginStateMachine;
import org.vtl.iscsi.login.SessionParameters;
import org.vtl.iscsi.pdu.AsyncMessage;
import org.vtl.iscsi.pdu.BhsDescriptor;
import org.vtl.iscsi.pdu.ControlPdu;
import org.vtl.iscsi.pdu.FramingError;
import org.vtl.iscsi.pdu.LoginRequest;
import org.vtl.iscsi.pdu.NopIn;
import org.vtl.iscsi.pdu.Opcode;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.PduDecoder;
import org.vtl.iscsi.pdu.PduEncoder;
import org.vtl.iscsi.pdu.Reject;
import org.vtl.iscsi.pdu.RejectReason;
import org.vtl.iscsi.transfer.DataInSegmenter;
import org.vtl.iscsi.transfer.MemoryBudget;

import java.security.SecureRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One TCP connection of the target, on its Netty event loop: the login phase through {@link LoginStateMachine},
 * then the full feature phase (RFC 7143 7.1.3) through {@link FullFeaturePhase}. Owns StatSN (per connection,
 * RFC 7143 4.2.2.2), the memory bound and the {@link NopPinger}. Every method runs on
 * the event loop except {@link #closeFromAnyThread} and the memory release callback.
 */
public final class Connection extends ChannelInboundHandlerAdapter implements DataInSegmenter.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Phase { LOGIN, FULL_FEATURE, CLOSED }

    private final PortalSettings settings;
    private final TargetDirectory directory;
    private final SessionRegistry sessions;
    private final SessionMetrics metrics;
    private final PduDecoder decoder;
    private final PduEncoder encoder;
    private final MemoryBudget budget;
    private final AtomicBoolean releasePending = new AtomicBoolean();
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.LOGIN;
    private LoginStateMachine login;
    private FullFeaturePhase fullFeature;
    private Session session;
    private int statSn;
    private ScheduledFuture<?> timer;
    private int cid;
    private NopPinger pinger;

    public Connection(PortalSettings settings, TargetDirectory directory, SessionRegistry sessions,
                      SessionMetrics metrics, PduDecoder decoder, PduEncoder encoder) {
        this.settings = settings;
        this.directory = directory;
        this.sessions = sessions;
        this.metrics = metrics;
        this.decoder = decoder;
        this.encoder = encoder;
        this.budget = new MemoryBudget(settings.maxConnectionMemory()
                - settings.parameters().maxRecvDataSegmentLength());
        this.budget.onRelease(this::memoryReleasedAnyThread);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        login = new LoginStateMachine(settings.parameters(), new LoginDirectory(settings, directory, sessions),
                initialWindow(), RANDOM);
        if (context.channel().isActive()) {
            armLoginTimer();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        armLoginTimer();
        context.fireChannelActive();
    }

    /**
     * The window the final login response opens: no more commands than the memory bound can take if each
     * brings the most unsolicited data the target's settings allow (negotiation can only lower it).
     */
    private int initialWindow() {
        var p = settings.parameters();
        long perCommand = !p.initialR2T() ? p.firstBurstLength()
                : p.immediateData() ? Math.min(p.firstBurstLength(), p.maxRecvDataSegmentLength()) : 0;
        if (perCommand == 0) {
            return settings.commandWindow();
        }
        return (int) Math.max(1, Math.min(settings.commandWindow(), budget.limit() / perCommand));
    }

    private void armLoginTimer() {
        if (timer == null && phase == Phase.LOGIN) {
            timer = ctx.executor().schedule(() -> {
                if (phase == Phase.LOGIN) {
                    close("login timeout");
                }
            }, settings.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof FramingError error) {
            framingError(error);
            return;
        }
        if (!(msg instanceof Pdu pdu)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            Opcode opcode = pdu.opcode();
            metrics.pduReceived(opcode, pdu.data().readableBytes());
            switch (phase) {
                case LOGIN -> loginPdu(pdu);
                case FULL_FEATURE -> fullFeature.received(pdu);
                case CLOSED -> { }
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: failed on {}, closing", this, pdu, e);
            metrics.internalError();
            close("internal error");
        } finally {
            pdu.release();
        }
        applyReadLimit();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        context.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (phase == Phase.FULL_FEATURE && context.channel().isWritable()) {
            fullFeature.windowMayHaveOpened();
            context.flush();
        }
        context.fireChannelWritabilityChanged();
    }

    private void loginPdu(Pdu pdu) {
        if (pdu.opcode() != Opcode.LOGIN_REQUEST) {
            close("PDU " + pdu.opcode() + " during login");
            return;
        }
        LoginRequest request = LoginRequest.decode(pdu);
        cid = request.cid();
        LoginStateMachine.Step step = login.process(request);
        write(step.response().encode(ctx.alloc()));
        switch (step.outcome()) {
            case CONTINUE -> { }
            case FAILED -> {
                metrics.loginFailed(step.status());
                LOG.info("{}: login failed {} ({})", this, step.status(), step.reason());
                ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
                        .addListener(ChannelFutureListener.CLOSE);
                phase = Phase.CLOSED;
            }
            case COMPLETE -> enterFullFeature(step.parameters(), request.cmdSn());
        }
    }

    private void enterFullFeature(SessionParameters parameters, int cmdSn) {
        statSn = login.nextStatSn();
        session = new Session(login.tsih(), login.isid(), parameters, settings.parameters().portalGroupTag(), this);
        sessions.register(session);
        metrics.sessionOpened(session.discovery());
        encoder.configure(parameters.headerDigest(), parameters.dataDigest());
        decoder.configure(parameters.targetMaxRecvDataSegmentLength(), parameters.headerDigest(),
                parameters.dataDigest());
        CmdSnWindow window = new CmdSnWindow(cmdSn, cmdSn + initialWindow() - 1);
        fullFeature = new FullFeaturePhase(this, session, settings, directory, budget, window, metrics);
        phase = Phase.FULL_FEATURE;
        cancelTimer();
        pinger = new NopPinger(ctx.executor(), this::sendPing, this::close, settings.nopInterval(),
                settings.nopTimeout());
        pinger.start();
        LOG.info("{}: {} logged in", ctx.channel().remoteAddress(), session);
    }

    private void framingError(FramingError error) {
        LOG.info("{}: framing error ({}), closing", this, error.reason());
        metrics.rejected(RejectReason.PROTOCOL_ERROR);
        if (phase == Phase.FULL_FEATURE) {
            write(new Reject(RejectReason.PROTOCOL_ERROR.code(), takeStatSn(), expCmdSn(), maxCmdSn(), 0,
                    error.bhs()).encode(ctx.alloc()));
        }
        close("framing error");
    }

    /** Called for every PDU received in full feature phase: the initiator is alive. */
    void activity() {
        pinger.activity();
    }

    /** A NOP-Out answered a ping. */
    void pingAnswered(int targetTransferTag) {
        pinger.answered(targetTransferTag);
    }

    private void sendPing(int targetTransferTag) {
        if (phase != Phase.FULL_FEATURE) {
            return;
        }
        // The StatSN of a NOP-In that asks for an answer is not advanced (RFC 7143 11.19.3).
        write(new NopIn(0, BhsDescriptor.RESERVED_TAG, targetTransferTag, statSn, expCmdSn(), maxCmdSn(),
                new byte[0]).encode(ctx.alloc()));
        ctx.flush();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    // ---- memory bound ----

    private void memoryReleasedAnyThread() {
        if (releasePending.compareAndSet(false, true)) {
            runOnLoop(() -> {
                releasePending.set(false);
                if (phase == Phase.FULL_FEATURE) {
                    fullFeature.memoryReleased();
                    ctx.flush();
                }
                applyReadLimit();
            }, () -> { });
        }
    }

    /** Stops reading from the socket while held + reserved + buffered bytes exceed the bound. */
    private void applyReadLimit() {
        if (ctx == null || phase == Phase.CLOSED) {
            return;
        }
        boolean over = budget.free() - decoder.bufferedBytes() < 0;
        if (ctx.channel().config().isAutoRead() == over) {
            ctx.channel().config().setAutoRead(!over);
        }
    }

    // ---- output ----

    @Override
    public ChannelFuture write(Pdu pdu) {
        metrics.pduSent(pdu.opcode(), pdu.data().readableBytes());
        return ctx.write(pdu);
    }

    void send(ControlPdu pdu) {
        write(pdu.encode(ctx.alloc()));
    }

    void flush() {
        ctx.flush();
    }

    @Override
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public int takeStatSn() {
        return statSn++;
    }

    int cid() {
        return cid;
    }

    void closeTargetSessions(String targetName) {
        sessions.closeTarget(targetName, "target cold reset");
    }

    /** The current StatSN without advancing it. */
    int statSn() {
        return statSn;
    }

    @Override
    public int expCmdSn() {
        return fullFeature == null ? 0 : fullFeature.window().expCmdSn();
    }

    @Override
    public int maxCmdSn() {
        return fullFeature == null ? 0 : fullFeature.currentMaxCmdSn();
    }

    boolean writable() {
        return ctx.channel().isWritable();
    }

    String localHost() {
        java.net.SocketAddress local = ctx.channel().localAddress();
        if (local instanceof java.net.InetSocketAddress inet) {
            return inet.getAddress().getHostAddress();
        }
        return settings.host();
    }

    String remoteAddress() {
        return String.valueOf(ctx.channel().remoteAddress());
    }

    /** The port this connection was accepted on (the real one when the portal was bound to port 0). */
    int localPort() {
        return ctx.channel().localAddress() instanceof java.net.InetSocketAddress inet ? inet.getPort()
                : settings.port();
    }

    /** Runs on this connection's event loop, or {@code otherwise} if the loop is gone. */
    void runOnLoop(Runnable task, Runnable otherwise) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            otherwise.run();
        }
    }

    // ---- closing ----

    /** Closes after flushing what was written. */
    void close(String reason) {
        if (phase == Phase.CLOSED && !ctx.channel().isActive()) {
            return;
        }
        LOG.debug("{}: closing ({})", this, reason);
        phase = Phase.CLOSED;
        ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    void closeFromAnyThread(String reason) {
        runOnLoop(() -> close(reason), () -> { });
    }

    /**
     * Asks the initiator to log out (RFC 7143 11.9.1 AsyncEvent 1) and closes the connection if it is still open
     * after {@code seconds}; from any thread.
     */
    void requestLogoutFromAnyThread(int seconds, String reason) {
        runOnLoop(() -> {
            if (phase != Phase.FULL_FEATURE) {
                return;
            }
            send(new AsyncMessage(0, takeStatSn(), expCmdSn(), maxCmdSn(), AsyncMessage.LOGOUT_REQUESTED, 0, 0, 0,
                    seconds, new byte[0]));
            ctx.flush();
            ctx.executor().schedule(() -> close(reason), seconds, TimeUnit.SECONDS);
        }, () -> { });
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        phase = Phase.CLOSED;
        cancelTimer();
        if (pinger != null) {
            pinger.stop();
        }
        if (fullFeature != null) {
            fullFeature.connectionLost();
        }
        if (session != null) {
            sessions.unregister(session);
            metrics.sessionClosed(session.discovery());
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("{}: {}", this, cause.toString());
        if (!(cause instanceof java.io.IOException)) {
            LOG.warn("{}: unexpected failure, closing", this, cause);
            metrics.internalError();
        }
        close("exception " + cause.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return "Connection[" + (ctx == null ? "-" : ctx.channel().remoteAddress()) + ", " + phase + "]";
    }
}
