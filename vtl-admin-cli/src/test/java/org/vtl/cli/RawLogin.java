package org.vtl.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest iSCSI initiator the session tests need (RFC 7143 11.12, 11.13): one login request straight to the
 * full feature phase with no authentication, kept open until closed, and SCSI commands one at a time (11.3, 11.4,
 * 11.7) with their Data-Out as immediate data. Mirrors IscsiTestClient of the target module in a few lines, so this
 * module does not depend on the benchmarks' initiator.
 */
final class RawLogin implements AutoCloseable {

    private static final AtomicInteger ISIDS = new AtomicInteger();

    /** What a command returned: SCSI status, Data-In and sense data (empty when none). */
    record Reply(int status, byte[] data, byte[] sense) {

        /** Sense key, ASC and ASCQ of fixed-format sense, as "6/28/01". */
        String senseCode() {
            return sense.length < 14 ? "" : String.format("%X/%02X/%02X", sense[2] & 0x0f, sense[12] & 0xff,
                    sense[13] & 0xff);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private int cmdSn;
    private int expStatSn;
    private int taskTag;

    private RawLogin(Socket socket, DataInputStream in, int cmdSn, int expStatSn) {
        this.socket = socket;
        this.in = in;
        this.cmdSn = cmdSn;
        this.expStatSn = expStatSn;
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
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bhs);
                return new RawLogin(socket, in, b.getInt(28), b.getInt(24) + 1);
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

    /** Sends one SCSI command to {@code lun} and waits for its status; {@code dataOut} goes as immediate data. */
    Reply command(int lun, byte[] cdb, byte[] dataOut, int expectedIn) throws IOException {
        byte[] pdu = new byte[48 + (dataOut.length + 3) / 4 * 4];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(pdu);
        pdu[0] = 0x01;
        pdu[1] = (byte) (0x80 | (expectedIn > 0 ? 0x40 : 0) | (dataOut.length > 0 ? 0x20 : 0) | 0x01);
        b.putInt(4, dataOut.length); // TotalAHSLength 0 in the top byte
        pdu[9] = (byte) lun;         // peripheral device addressing, LUN < 256
        int tag = ++taskTag;
        b.putInt(16, tag).putInt(20, Math.max(expectedIn, dataOut.length)).putInt(24, cmdSn++).putInt(28, expStatSn);
        System.arraycopy(cdb, 0, pdu, 32, cdb.length);
        System.arraycopy(dataOut, 0, pdu, 48, dataOut.length);
        socket.getOutputStream().write(pdu);
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        while (true) {
            byte[] bhs = new byte[48];
            in.readFully(bhs);
            java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(bhs);
            byte[] segment = new byte[((h.getInt(4) & 0xffffff) + 3) / 4 * 4];
            in.readFully(segment);
            int length = h.getInt(4) & 0xffffff;
            int opcode = bhs[0] & 0x3f;
            if (opcode == 0x25 && h.getInt(16) == tag) {          // Data-In
                data.write(segment, 0, length);
                if ((bhs[1] & 0x01) != 0) {
                    expStatSn = h.getInt(24) + 1;
                    return new Reply(bhs[3] & 0xff, data.toByteArray(), new byte[0]);
                }
            } else if (opcode == 0x21 && h.getInt(16) == tag) {   // SCSI Response
                expStatSn = h.getInt(24) + 1;
                int senseLength = length >= 2 ? (segment[0] & 0xff) << 8 | segment[1] & 0xff : 0;
                return new Reply(bhs[3] & 0xff, data.toByteArray(),
                        senseLength == 0 ? new byte[0] : java.util.Arrays.copyOfRange(segment, 2, 2 + senseLength));
            }
        }
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
