package org.vtl.iscsi.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.vtl.iscsi.pdu.BhsDescriptor;
import org.vtl.iscsi.pdu.ControlPdu;
import org.vtl.iscsi.pdu.Crc32cDigest;
import org.vtl.iscsi.pdu.DataOutHeader;
import org.vtl.iscsi.pdu.LoginRequest;
import org.vtl.iscsi.pdu.LoginResponse;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.PduEncoder;
import org.vtl.iscsi.pdu.ScsiCommandHeader;
import org.vtl.iscsi.pdu.TextParameters;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw-socket iSCSI initiator for byte-exact protocol conversations: it sends exactly the PDUs a test builds
 * and hands back every PDU the target sends, digests checked. Blocking, with a 5 s read timeout.
 */
final class IscsiTestClient implements AutoCloseable {

    static final String INITIATOR = "iqn.2026-11.org.vtl:test-initiator";

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    boolean headerDigest;
    boolean dataDigest;
    int cmdSn = 0x100;
    int expStatSn;
    int itt = 1;
    long isid = 0x8000_1234_0001L;
    int tsih;
    int maxCmdSn;

    private IscsiTestClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static IscsiTestClient connect(InetSocketAddress address) throws IOException {
        Socket s = new Socket();
        s.connect(address, 5000);
        return new IscsiTestClient(s);
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    void send(Pdu pdu) throws IOException {
        ByteBuf bytes = PduEncoder.encodeToBuffer(ByteBufAllocator.DEFAULT, pdu, headerDigest, dataDigest);
        pdu.release();
        sendRaw(ByteBufUtil.getBytes(bytes));
        bytes.release();
    }

    void send(ControlPdu pdu) throws IOException {
        send(pdu.encode(ByteBufAllocator.DEFAULT));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next PDU from the target (heap buffers; the caller may ignore release). */
    Pdu receive() throws IOException {
        byte[] bhs = new byte[BhsDescriptor.LENGTH];
        in.readFully(bhs);
        int ahsLength = (bhs[4] & 0xff) * 4;
        int dsl = (bhs[5] & 0xff) << 16 | (bhs[6] & 0xff) << 8 | (bhs[7] & 0xff);
        byte[] ahs = new byte[ahsLength];
        in.readFully(ahs);
        Crc32cDigest crc = new Crc32cDigest();
        if (headerDigest) {
            crc.reset();
            crc.update(Unpooled.wrappedBuffer(bhs, ahs));
            int got = Integer.reverseBytes(in.readInt());
            if (got != crc.value()) {
                throw new IOException("bad header digest from target");
            }
        }
        byte[] data = new byte[dsl];
        if (dsl > 0) {
            in.readFully(data);
            byte[] pad = new byte[BhsDescriptor.padding(dsl)];
            in.readFully(pad);
            if (dataDigest) {
                crc.reset();
                crc.update(Unpooled.wrappedBuffer(data, pad));
                int got = Integer.reverseBytes(in.readInt());
                if (got != crc.value()) {
                    throw new IOException("bad data digest from target");
                }
            }
        }
        return new Pdu(Unpooled.wrappedBuffer(bhs), Unpooled.wrappedBuffer(ahs), Unpooled.wrappedBuffer(data), true);
    }

    /** Receives the next PDU and decodes it as the given record type. */
    <T extends ControlPdu> T expect(Class<T> type) throws IOException {
        Pdu pdu = receive();
        ControlPdu decoded = ControlPdu.decode(pdu);
        if (!type.isInstance(decoded)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + pdu);
        }
        track(decoded);
        return type.cast(decoded);
    }

    /** True if the target closed the connection (EOF) before the timeout. */
    boolean closedByTarget() throws IOException {
        try {
            while (true) {
                receive();
            }
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void track(ControlPdu pdu) {
        switch (pdu) {
            case LoginResponse r -> {
                expStatSn = r.statSn() + 1;
                maxCmdSn = r.maxCmdSn();
            }
            case org.vtl.iscsi.pdu.ScsiResponsePdu r -> {
                expStatSn = r.statSn() + 1;
                maxCmdSn = r.maxCmdSn();
            }
            case org.vtl.iscsi.pdu.R2t r -> maxCmdSn = r.maxCmdSn();
            case org.vtl.iscsi.pdu.DataIn d -> {
                maxCmdSn = d.maxCmdSn();
                if ((d.flags() & org.vtl.iscsi.pdu.DataIn.STATUS) != 0) {
                    expStatSn = d.statSn() + 1;
                }
            }
            default -> { }
        }
    }

    /** Keys for a plain login to a target (the test adds or overrides). */
    static Map<String, String> normalKeys(String target) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("InitiatorName", INITIATOR);
        keys.put("TargetName", target);
        keys.put("SessionType", "Normal");
        keys.put("HeaderDigest", "None");
        keys.put("DataDigest", "None");
        keys.put("MaxRecvDataSegmentLength", "65536");
        keys.put("DefaultTime2Retain", "0");
        keys.put("DefaultTime2Wait", "2");
        keys.put("ErrorRecoveryLevel", "0");
        keys.put("MaxOutstandingR2T", "1");
        return keys;
    }

    /** One login PDU with the given stage flags and keys. */
    LoginResponse loginStep(boolean transit, int csg, int nsg, Map<String, String> keys) throws IOException {
        TextParameters text = new TextParameters();
        keys.forEach(text::add);
        send(new LoginRequest(transit, false, csg, nsg, 0, 0, isid, 0, itt, 0, cmdSn, expStatSn, text.toBytes()));
        return expect(LoginResponse.class);
    }

    /**
     * Logs in through the operational stage straight to full feature phase, answering any offers the target makes
     * by accepting its values; returns the final response. Digests turn on as negotiated.
     */
    LoginResponse login(Map<String, String> keys) throws IOException {
        LoginResponse r = loginStep(true, 1, 3, keys);
        while (r.statusClass() == 0 && !r.transit()) {
            Map<String, String> answers = new LinkedHashMap<>();
            TextParameters.parse(r.text()).entries().forEach(e -> {
                if (!e.key().equals("TargetPortalGroupTag") && !e.key().equals("TargetAlias")
                        && !e.key().equals("MaxRecvDataSegmentLength") && !keys.containsKey(e.key())) {
                    answers.put(e.key(), e.value());
                }
            });
            r = loginStep(true, 1, 3, answers);
        }
        finishLogin(r);
        return r;
    }

    void finishLogin(LoginResponse r) {
        if (r.statusClass() == 0 && r.transit() && r.nsg() == 3) {
            tsih = r.tsih();
            TextParameters t = TextParameters.parse(r.text());
            headerDigest = headerDigest || "CRC32C".equals(t.get("HeaderDigest"));
            dataDigest = dataDigest || "CRC32C".equals(t.get("DataDigest"));
        }
        itt++;
    }

    /** A SCSI Command PDU; immediate data may be empty. */
    Pdu command(int flags, long lun, int tag, long expected, byte[] cdb, byte[] immediate) {
        ByteBuf bhs = ScsiCommandHeader.write(ByteBufAllocator.DEFAULT, false, flags, lun, tag, expected, cmdSn++,
                expStatSn, cdb, 0, immediate.length);
        return Pdu.of(bhs, Unpooled.wrappedBuffer(immediate));
    }

    static Pdu dataOut(boolean fin, long lun, int tag, int ttt, int dataSn, int offset, byte[] data, int from,
                       int length, int expStatSn) {
        ByteBuf bhs = DataOutHeader.write(ByteBufAllocator.DEFAULT, fin ? 0x80 : 0, lun, tag, ttt, expStatSn, dataSn,
                offset, length);
        return Pdu.of(bhs, Unpooled.wrappedBuffer(data, from, length));
    }

    static long lun(long n) {
        return n << 48;
    }

    static byte[] cdb(int... bytes) {
        byte[] out = new byte[16];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }

    /** READ(6) variable-length of {@code length} bytes. */
    static byte[] read6(int length) {
        return cdb(0x08, 0, length >> 16, length >> 8, length);
    }

    /** WRITE(6) variable-length of {@code length} bytes. */
    static byte[] write6(int length) {
        return cdb(0x0a, 0, length >> 16, length >> 8, length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
