package org.vtl.iscsi.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.vtl.iscsi.login.DigestPolicy;
import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.login.TargetParameters;
import org.vtl.iscsi.login.TargetPolicy;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.PduDecoder;
import org.vtl.iscsi.pdu.PduEncoder;
import org.vtl.scsi.LogicalUnit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection pipeline on an {@link EmbeddedChannel}: bytes in, bytes out, no sockets. The test feeds
 * initiator PDUs as bytes and decodes what comes back with a second {@link PduDecoder}.
 */
public final class EmbeddedTarget implements TargetDirectory {

    public final Map<String, TargetPolicy> policies = new ConcurrentHashMap<>();
    public final Map<String, Map<Long, LogicalUnit>> luns = new ConcurrentHashMap<>();
    public final SessionRegistry sessions;
    public final EmbeddedChannel channel;
    public final PduDecoder decoder;

    public EmbeddedTarget(TargetParameters parameters, long memory, Duration nop) {
        this(parameters, memory, nop, new SessionRegistry(), SessionMetrics.NONE);
    }

    public EmbeddedTarget(TargetParameters parameters, long memory, Duration nop, SessionRegistry sessions,
                          SessionMetrics metrics) {
        this.sessions = sessions;
        PortalSettings settings = new PortalSettings("127.0.0.1", 3260, parameters, 32, memory, nop,
                Duration.ofSeconds(5), Duration.ofSeconds(30), TargetAuth.none());
        decoder = new PduDecoder(8192);
        PduEncoder encoder = new PduEncoder();
        channel = new EmbeddedChannel();
        channel.pipeline().addLast(decoder, encoder,
                new Connection(settings, this, sessions, metrics, decoder, encoder));
    }

    public static TargetParameters parameters() {
        return new TargetParameters(DigestPolicy.OPTIONAL, DigestPolicy.OPTIONAL, 65536, 262144, 65536, true, true,
                2, 2, 0, 1);
    }

    public void add(TargetPolicy policy, Map<Long, LogicalUnit> units) {
        policies.put(policy.name(), policy);
        luns.put(policy.name(), units);
    }

    @Override
    public TargetPolicy policy(String targetName) {
        return policies.get(targetName);
    }

    @Override
    public Map<Long, LogicalUnit> luns(String targetName) {
        return targetName == null ? Map.of() : luns.getOrDefault(targetName, Map.of());
    }

    @Override
    public List<TargetPolicy> targets() {
        return new ArrayList<>(policies.values());
    }

    /** Feeds one encoded PDU (a copy into direct memory, as a socket read would deliver it). */
    public void send(Pdu pdu, boolean headerDigest, boolean dataDigest) {
        ByteBuf bytes = PduEncoder.encodeToBuffer(ByteBufAllocator.DEFAULT, pdu, headerDigest, dataDigest);
        pdu.release();
        writeBytes(bytes);
    }

    public void writeBytes(ByteBuf bytes) {
        ByteBuf direct = Unpooled.directBuffer(bytes.readableBytes());
        direct.writeBytes(bytes);
        bytes.release();
        channel.writeInbound(direct);
    }

    /** All bytes the target wrote so far, concatenated. */
    public ByteBuf drainOutbound() {
        ByteBuf all = Unpooled.buffer();
        Object o;
        while ((o = channel.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) o;
            all.writeBytes(b);
            b.release();
        }
        return all;
    }
}
