package org.vtl.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest iSCSI initiator the session tests need (RFC 7143 11.12, 11.13): one login request straight to the
 * full feature phase with no authentication, kept open until closed. Mirrors IscsiTestClient of the target module
 * in a few lines, so this module does not depend on the benchmarks' initiator.
 */
final class RawLogin implements AutoCloseable {

    private static final AtomicInteger ISIDS = new AtomicInteger();

    private final Socket socket;

    private RawLogin(Socket socket) {
        this.socket = socket;
    }

    /**
     * Logs in to {@code target} at {@code portal}, accepting every value the target offers until it moves to full
     * feature phase; fails unless it answers success.
     */
    static RawLogin normal(InetSocketAddress portal, String target) throws IOException {
        Socket socket = new Socket();
        int isid = ISIDS.incrementAndGet();
        socket.connect(portal, 5000);
        socket.setSoTimeout(5000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String keys = "InitiatorName=iqn.2026-11.org.vtl:test\0SessionType=Normal\0TargetName=" + target
                + "\0HeaderDigest=None\0DataDigest=None\0ErrorRecoveryLevel=0\0";
        int expStatSn = 0;
        for (int step = 0; step < 4; step++) {
            socket.getOutputStream().write(request(keys, expStatSn, isid));
            byte[] bhs = new byte[48];
            in.readFully(bhs);
            int length = (bhs[5] & 0xff) << 16 | (bhs[6] & 0xff) << 8 | bhs[7] & 0xff;
            byte[] text = new byte[(length + 3) / 4 * 4];
            in.readFully(text);
            if ((bhs[0] & 0x3f) != 0x23 || bhs[36] != 0) {
                socket.close();
                throw new IOException("login refused: status " + bhs[36] + "/" + bhs[37]);
            }
            if ((bhs[1] & 0x83) == 0x83) {
                return new RawLogin(socket);
            }
            expStatSn = java.nio.ByteBuffer.wrap(bhs, 24, 4).getInt() + 1;
            StringBuilder answers = new StringBuilder();
            for (String pair : new String(text, 0, length, StandardCharsets.US_ASCII).split("\0")) {
                String key = pair.substring(0, Math.max(0, pair.indexOf('=')));
                if (!key.isEmpty() && !key.equals("TargetPortalGroupTag") && !key.equals("TargetAlias")
                        && !key.equals("MaxRecvDataSegmentLength") && !keys.contains(key + "=")) {
                    answers.append(pair).append('\0');
                }
            }
            keys = answers.toString();
        }
        socket.close();
        throw new IOException("login did not reach full feature phase");
    }

    private static byte[] request(String keys, int expStatSn, int isid) {
        byte[] data = keys.getBytes(StandardCharsets.US_ASCII);
        byte[] pdu = new byte[48 + (data.length + 3) / 4 * 4];
        pdu[0] = 0x43;                // immediate, login request
        pdu[1] = (byte) 0x87;         // transit, operational stage to full feature phase
        pdu[5] = (byte) (data.length >>> 16);
        pdu[6] = (byte) (data.length >>> 8);
        pdu[7] = (byte) data.length;
        pdu[8] = 0x40;                // ISID: random format
        pdu[13] = (byte) isid;      // a new session each time, not a reinstatement
        java.nio.ByteBuffer.wrap(pdu, 28, 4).putInt(expStatSn);
        System.arraycopy(data, 0, pdu, 48, data.length);
        return pdu;
    }

    /** True once the target closed the connection (after any last PDUs such as an asynchronous logout request). */
    boolean closedByTarget() throws IOException {
        byte[] skip = new byte[4096];
        for (int i = 0; i < 64; i++) {
            if (socket.getInputStream().read(skip) < 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
