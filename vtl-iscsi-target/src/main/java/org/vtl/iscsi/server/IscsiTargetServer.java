package org.vtl.iscsi.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.iscsi.session.PortalSettings;
import org.vtl.iscsi.session.SessionRegistry;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The iSCSI target: one portal (host:port, portal group tag) serving the targets of a live
 * {@link TargetRegistry}. Owns its Netty event loop threads (one acceptor, {@code ioThreads} for
 * connections; epoll when available, NIO otherwise). Start with {@link #start}, stop with {@link #close}.
 *
 * <pre>{@code
 * TargetRegistry targets = new TargetRegistry();
 * targets.put(TargetDefinition.open("iqn.2026-11.org.vtl:default", Map.of(0L, changer, 1L, drive)));
 * try (IscsiTargetServer server = IscsiTargetServer.start(IscsiTargetConfig.defaults(), targets, meters)) {
 *     ...
 * }
 * }</pre>
 */
public final class IscsiTargetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IscsiTargetServer.class);
    /** How long sessions of a removed target have to log out before they are dropped. */
    private static final int LOGOUT_GRACE_SECONDS = 2;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel listener;
    private final SessionRegistry sessions;
    private final TargetRegistry registry;
    private final Consumer<String> removal;
    private final IscsiStats stats;

    private IscsiTargetServer(EventLoopGroup acceptor, EventLoopGroup workers, Channel listener,
                              SessionRegistry sessions, TargetRegistry registry, Consumer<String> removal,
                              IscsiStats stats) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.listener = listener;
        this.sessions = sessions;
        this.registry = registry;
        this.removal = removal;
        this.stats = stats;
    }

    /** Binds the portal and starts serving; returns once the port listens. */
    public static IscsiTargetServer start(IscsiTargetConfig config, TargetRegistry registry, MeterRegistry meters)
            throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, factory);
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), factory);
        SessionRegistry sessions = new SessionRegistry();
        IscsiStats stats = new IscsiStats(meters);
        PortalSettings settings = new PortalSettings(config.host(), config.port(), config.negotiation(),
                config.commandWindow(), config.maxConnectionMemory(), config.nopInterval(), config.nopTimeout(),
                config.loginTimeout(), config.discoveryAuth());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap().group(acceptor, workers).channel(channelType)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(1 << 20, 4 << 20))
                    .childHandler(new PipelineInitializer(settings, new RegistryDirectory(registry), sessions,
                            stats));
            Channel listener = bootstrap.bind(config.host(), config.port()).sync().channel();
            Consumer<String> removal = iqn -> sessions.retireTarget(iqn, LOGOUT_GRACE_SECONDS);
            registry.onRemoval(removal);
            LOG.info("iSCSI portal {} listening ({} transport)", listener.localAddress(), epoll ? "epoll" : "nio");
            return new IscsiTargetServer(acceptor, workers, listener, sessions, registry, removal, stats);
        } catch (InterruptedException | RuntimeException e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The bound portal address (with the real port when 0 was configured). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Open sessions, discovery and normal. */
    public int sessionCount() {
        return sessions.size();
    }

    /**
     * Accepts at most {@code maxSessions} normal sessions on this portal from now on; a login beyond them is refused
     * with status 0302h Out of resources (RFC 7143 11.13.5). Discovery sessions and reinstatements are not limited.
     */
    public void limitSessions(int maxSessions) {
        sessions.limit(maxSessions);
    }

    /** The open sessions, for the admin API. */
    public java.util.List<SessionInfo> sessions() {
        return sessions.sessions().stream()
                .map(s -> new SessionInfo(s.tsih(), s.parameters().initiatorName(), String.format("%012x", s.isid()),
                        s.targetName(), s.discovery(), s.remoteAddress()))
                .toList();
    }

    public IscsiStats stats() {
        return stats;
    }

    /** Closes all sessions and the portal, and stops the threads. */
    @Override
    public void close() {
        registry.removeListener(removal);
        listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        sessions.closeAll("server shutdown");
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
