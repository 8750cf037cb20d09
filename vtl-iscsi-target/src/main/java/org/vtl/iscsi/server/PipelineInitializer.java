package org.vtl.iscsi.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import org.vtl.iscsi.pdu.PduDecoder;
import org.vtl.iscsi.pdu.PduEncoder;
import org.vtl.iscsi.session.Connection;
import org.vtl.iscsi.session.PortalSettings;
import org.vtl.iscsi.session.SessionMetrics;
import org.vtl.iscsi.session.SessionRegistry;
import org.vtl.iscsi.session.TargetDirectory;

/**
 * Builds each connection's pipeline: {@link PduDecoder} (framing, 8192-byte data segments during login as
 * RFC 7143 13.12 defaults) -> {@link PduEncoder} -> {@link Connection}.
 */
public final class PipelineInitializer extends ChannelInitializer<Channel> {

    /** MaxRecvDataSegmentLength in force until the login has declared one (RFC 7143 13.12). */
    public static final int LOGIN_SEGMENT_LIMIT = 8192;

    private final PortalSettings settings;
    private final TargetDirectory directory;
    private final SessionRegistry sessions;
    private final SessionMetrics metrics;

    public PipelineInitializer(PortalSettings settings, TargetDirectory directory, SessionRegistry sessions,
                               SessionMetrics metrics) {
        this.settings = settings;
        this.directory = directory;
        this.sessions = sessions;
        this.metrics = metrics;
    }

    @Override
    protected void initChannel(Channel channel) {
        PduDecoder decoder = new PduDecoder(LOGIN_SEGMENT_LIMIT);
        PduEncoder encoder = new PduEncoder();
        channel.pipeline().addLast("pdu-decoder", decoder);
        channel.pipeline().addLast("pdu-encoder", encoder);
        channel.pipeline().addLast("connection",
                new Connection(settings, directory, sessions, metrics, decoder, encoder));
    }
}
