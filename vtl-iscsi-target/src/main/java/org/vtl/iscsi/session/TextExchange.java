package org.vtl.iscsi.session;

import org.vtl.iscsi.login.NegotiationKey;
import org.vtl.iscsi.login.TargetPolicy;
import org.vtl.iscsi.pdu.BhsDescriptor;
import org.vtl.iscsi.pdu.TextParameters;
import org.vtl.iscsi.pdu.TextRequest;
import org.vtl.iscsi.pdu.TextResponse;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Text requests in full feature phase (RFC 7143 11.10/11.11, appendix C SendTargets): SendTargets lists
 * TargetName and TargetAddress (host:port,portal group tag) for every target the initiator's ACL admits
 * (All in discovery sessions, the session's own target for an empty value in normal sessions). Answers longer
 * than the initiator's MaxRecvDataSegmentLength go out in pieces (C bit, continued on the initiator's empty
 * Text Request with our TTT). Other keys: known ones are not renegotiable here (Reject), unknown ones
 * NotUnderstood. Event loop only.
 */
final class TextExchange {

    private final Connection connection;
    private final FullFeaturePhase phase;
    private final Session session;
    private final TargetDirectory directory;
    private final PortalSettings settings;
    private final ByteArrayOutputStream incoming = new ByteArrayOutputStream();
    private byte[] pending;
    private int pendingAt;
    private int pendingTag = BhsDescriptor.RESERVED_TAG;
    private int nextTag = 1;

    TextExchange(Connection connection, FullFeaturePhase phase, Session session, TargetDirectory directory,
                 PortalSettings settings) {
        this.connection = connection;
        this.phase = phase;
        this.session = session;
        this.directory = directory;
        this.settings = settings;
    }

    void request(TextRequest request) {
        if (request.targetTransferTag() != BhsDescriptor.RESERVED_TAG) {
            if (request.targetTransferTag() == pendingTag && pending != null) {
                sendPiece(request);
            } else {
                reply(request, new byte[0], true, false);
            }
            return;
        }
        pending = null;
        if (incoming.size() + request.text().length > 64 * 1024) {
            incoming.reset();
            reply(request, new byte[0], true, false);
            return;
        }
        incoming.writeBytes(request.text());
        if (request.cont()) {
            reply(request, new byte[0], false, false);
            return;
        }
        TextParameters keys = TextParameters.parse(incoming.toByteArray());
        incoming.reset();
        pending = answer(keys).toBytes();
        pendingAt = 0;
        sendPiece(request);
    }

    private TextParameters answer(TextParameters keys) {
        TextParameters out = new TextParameters();
        for (TextParameters.Entry e : keys.entries()) {
            if (e.key().equals("SendTargets")) {
                sendTargets(e.value(), out);
            } else {
                out.add(e.key(), NegotiationKey.of(e.key()) == null ? "NotUnderstood" : "Reject");
            }
        }
        return out;
    }

    private void sendTargets(String value, TextParameters out) {
        String initiator = session.parameters().initiatorName();
        for (TargetPolicy target : directory.targets()) {
            boolean wanted = "All".equals(value) && session.discovery()
                    || (value == null || value.isEmpty()) && target.name().equals(session.targetName())
                    || target.name().equalsIgnoreCase(String.valueOf(value));
            if (wanted && target.acl().allows(initiator)) {
                out.add("TargetName", target.name());
                out.add("TargetAddress", address() + "," + settings.parameters().portalGroupTag());
            }
        }
    }

    private String address() {
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = connection.localHost();
        }
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + connection.localPort();
    }

    private void sendPiece(TextRequest request) {
        int max = session.parameters().initiatorMaxRecvDataSegmentLength();
        int n = Math.min(max, pending.length - pendingAt);
        byte[] piece = Arrays.copyOfRange(pending, pendingAt, pendingAt + n);
        pendingAt += n;
        boolean done = pendingAt >= pending.length;
        if (done) {
            pending = null;
        }
        reply(request, piece, done, !done);
    }

    private void reply(TextRequest request, byte[] text, boolean fin, boolean more) {
        int ttt = BhsDescriptor.RESERVED_TAG;
        if (!fin) {
            ttt = nextTag++;
            if (nextTag == BhsDescriptor.RESERVED_TAG) {
                nextTag = 1;
            }
            pendingTag = ttt;
        }
        connection.send(new TextResponse(fin, more, request.lun(), request.initiatorTaskTag(), ttt,
                connection.takeStatSn(), phase.window().expCmdSn(), phase.currentMaxCmdSn(), text));
    }
}
