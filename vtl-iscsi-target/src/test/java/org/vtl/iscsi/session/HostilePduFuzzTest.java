package org.vtl.iscsi.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.vtl.iscsi.login.InitiatorAcl;
import org.vtl.iscsi.login.LoginStatus;
import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.login.TargetPolicy;
import org.vtl.iscsi.pdu.DataOutHeader;
import org.vtl.iscsi.pdu.LoginRequest;
import org.vtl.iscsi.pdu.LogoutRequest;
import org.vtl.iscsi.pdu.NopOut;
import org.vtl.iscsi.pdu.Opcode;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.PduEncoder;
import org.vtl.iscsi.pdu.RejectReason;
import org.vtl.iscsi.pdu.ScsiCommandHeader;
import org.vtl.iscsi.pdu.SnackRequest;
import org.vtl.iscsi.pdu.TaskMgmtRequest;
import org.vtl.iscsi.pdu.TextRequest;
import org.vtl.iscsi.testlu.ImmediateUnit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile PDUs, at least 100,000 cases (-Dvtl.fuzz.cases): seeded mutations of the golden initiator PDUs and of
 * synthesized full-feature PDUs (bit flips; DataSegmentLength 0, 1, max, off by one; truncation; AHS tricks;
 * opcodes wrong for the phase; CmdSN inside and outside the window; pure garbage), fed in random splits to a
 * connection in login or in full feature phase. Every case must end without an unexpected handler failure,
 * with the framing buffer and the retained input within the memory bound, with every input buffer released
 * once the connection is gone, and with a healthy session on the same registry still answering.
 */
class HostilePduFuzzTest {

    private static final int CASES = Integer.getInteger("vtl.fuzz.cases", 100_000);
    private static final long SEED = Long.getLong("vtl.fuzz.seed", 0x7143L);
    private static final String TARGET = "iqn.2026-11.org.vtl:fuzz";
    private static final String HEALTHY = "iqn.2026-11.org.vtl:healthy";
    private static final long MEMORY = 1 << 20;
    private static final int MAX_CHUNK = 4096;
    private static final int SEGMENT_LIMIT = 65536;
    /** Framing buffer bound: one data segment plus BHS, the largest AHS, digests and one read. */
    private static final long FRAMING_BOUND = SEGMENT_LIMIT + 48 + 1020 + 8 + 3 + MAX_CHUNK;
    private static final int LOGIN_CMDSN = 1000;

    private final AtomicLong internalErrors = new AtomicLong();
    private final AtomicLong pdusHandled = new AtomicLong();
    private final AtomicLong rejects = new AtomicLong();
    private final ImmediateUnit unit = new ImmediateUnit();
    private final SessionRegistry sessions = new SessionRegistry();

    private static ch.qos.logback.classic.Level previous;

    /** Failed logins and rejects are logged at INFO; a hundred thousand of them only slow the run. */
    @org.junit.jupiter.api.BeforeAll
    static void quiet() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.vtl.iscsi");
        previous = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }

    @org.junit.jupiter.api.AfterAll
    static void restore() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.vtl.iscsi")).setLevel(previous);
    }

    @Test
    void hostilePdusNeverCrashLeakOrExceedTheMemoryBound() throws Exception {
        List<byte[]> corpus = corpus();
        byte[] login = loginBytes("fuzzer", TARGET, 0x8000_0000_0001L);
        // Another target on the same registry and logical unit: TARGET COLD RESET on the fuzzed one may not touch it.
        EmbeddedTarget healthy = target(HEALTHY);
        healthy.writeBytes(Unpooled.wrappedBuffer(loginBytes("healthy", HEALTHY, 0x8000_0000_0001L)));
        healthy.drainOutbound().release();
        int healthyCmdSn = LOGIN_CMDSN;
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            runCase(random, corpus, login, i);
            if (i % 2000 == 0) {
                healthyCmdSn = assertServes(healthy, healthyCmdSn);
            }
        }
        assertServes(healthy, healthyCmdSn);
        assertEquals(0, internalErrors.get(), "unexpected handler failures");
        assertTrue(pdusHandled.get() > CASES, "PDUs framed and handled: " + pdusHandled.get());
        assertTrue(rejects.get() > CASES / 20, "Reject PDUs sent: " + rejects.get());
        healthy.channel.finishAndReleaseAll();
    }

    private void runCase(Random random, List<byte[]> corpus, byte[] login, int index) {
        EmbeddedTarget t = target(TARGET);
        List<ByteBuf> inputs = new ArrayList<>();
        boolean fullFeature = random.nextInt(3) > 0;
        if (fullFeature) {
            byte[] l = login.clone();
            l[13] = (byte) index; // a distinct ISID per case: no reinstatement between cases
            t.writeBytes(Unpooled.wrappedBuffer(l));
            t.drainOutbound().release();
        }
        int pdus = 1 + random.nextInt(4);
        int cmdSn = LOGIN_CMDSN;
        for (int p = 0; p < pdus && t.channel.isActive(); p++) {
            byte[] bytes = random.nextInt(12) == 0 ? garbage(random)
                    : mutate(corpus.get(random.nextInt(corpus.size())), random, cmdSn++);
            int at = 0;
            while (at < bytes.length && t.channel.isActive()) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(MAX_CHUNK));
                ByteBuf chunk = Unpooled.directBuffer(n);
                chunk.writeBytes(bytes, at, n);
                chunk.retain();
                inputs.add(chunk);
                t.channel.writeInbound(chunk);
                t.channel.runPendingTasks();
                at += n;
                assertTrue(t.decoder.bufferedBytes() <= FRAMING_BOUND, "framing buffer over the bound");
                assertTrue(retained(inputs) <= MEMORY + FRAMING_BOUND, "retained input over the bound");
            }
            t.drainOutbound().release();
        }
        t.channel.finishAndReleaseAll();
        t.channel.runPendingTasks();
        for (ByteBuf b : inputs) {
            assertEquals(1, b.refCnt(), "input buffer leaked in case " + index);
            b.release();
        }
    }

    private static long retained(List<ByteBuf> inputs) {
        long n = 0;
        for (ByteBuf b : inputs) {
            if (b.refCnt() > 1) {
                n += b.capacity();
            }
        }
        return n;
    }

    private int assertServes(EmbeddedTarget healthy, int cmdSn) {
        byte[] cdb = new byte[16];
        ByteBuf bhs = ScsiCommandHeader.write(ByteBufAllocator.DEFAULT, false, 0x81, 1L << 48, cmdSn, 0, cmdSn, 0,
                cdb, 0, 0);
        healthy.send(Pdu.of(bhs, Unpooled.EMPTY_BUFFER), false, false);
        healthy.channel.runPendingTasks();
        ByteBuf out = healthy.drainOutbound();
        assertTrue(healthy.channel.isActive(), "the healthy session is still up");
        assertEquals(Opcode.SCSI_RESPONSE.code(), out.getByte(0) & 0x3f, "the healthy session answers");
        assertEquals(0, out.getByte(3), "GOOD");
        out.release();
        return cmdSn + 1;
    }

    private EmbeddedTarget target(String name) {
        EmbeddedTarget t = new EmbeddedTarget(EmbeddedTarget.parameters(), MEMORY, Duration.ZERO, sessions,
                new CountingMetrics());
        t.add(new TargetPolicy(name, null, TargetAuth.none(), InitiatorAcl.allowAll()), Map.of(0L, unit, 1L, unit));
        return t;
    }

    private static byte[] loginBytes(String name, String target, long isid) {
        String text = "InitiatorName=iqn.2026-11.org.vtl:" + name + "\0TargetName=" + target + "\0"
                + "MaxRecvDataSegmentLength=65536\0DefaultTime2Retain=0\0MaxOutstandingR2T=2\0";
        return encode(new LoginRequest(true, false, 1, 3, 0, 0, isid, 0, 1, 0, LOGIN_CMDSN, 0,
                text.getBytes()).encode(ByteBufAllocator.DEFAULT));
    }

    private static byte[] encode(Pdu pdu) {
        ByteBuf b = PduEncoder.encodeToBuffer(ByteBufAllocator.DEFAULT, pdu, false, false);
        pdu.release();
        byte[] out = ByteBufUtil.getBytes(b);
        b.release();
        return out;
    }

    /** Initiator PDUs from the golden captures (without digests) plus synthesized full-feature PDUs. */
    private static List<byte[]> corpus() throws IOException, URISyntaxException {
        List<byte[]> out = new ArrayList<>();
        Path root = Path.of(HostilePduFuzzTest.class.getResource("/pdu").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".hex") && f.toString().contains("-i-")).toList()) {
                String txt = Files.readString(Path.of(p.toString().replace(".hex", ".txt")));
                if (txt.contains("headerDigest=false")) {
                    out.add(HexFormat.of().parseHex(Files.readString(p).replaceAll("\\s+", "")));
                }
            }
        }
        ByteBufAllocator a = ByteBufAllocator.DEFAULT;
        byte[] write = new byte[16];
        write[0] = 0x0a;
        write[3] = 0x40;
        out.add(encode(Pdu.of(ScsiCommandHeader.write(a, false, 0xa1, 1L << 48, 7, 16384, 0, 0, write, 0, 4096),
                Unpooled.wrappedBuffer(new byte[4096]))));
        out.add(encode(Pdu.of(DataOutHeader.write(a, 0x80, 1L << 48, 7, 1, 0, 0, 4096, 8192),
                Unpooled.wrappedBuffer(new byte[8192]))));
        out.add(encode(Pdu.of(DataOutHeader.write(a, 0, 1L << 48, 7, 0xffffffff, 0, 0, 4096, 1024),
                Unpooled.wrappedBuffer(new byte[1024]))));
        byte[] read = new byte[16];
        read[0] = 0x08;
        read[4] = 0x04;
        out.add(encode(Pdu.of(ScsiCommandHeader.write(a, false, 0xc1, 1L << 48, 8, 1024, 0, 0, read, 0, 0),
                Unpooled.EMPTY_BUFFER)));
        for (int f = 1; f <= 8; f++) {
            out.add(encode(new TaskMgmtRequest(true, f, 1L << 48, 9, 7, 0, 0, 0, 0).encode(a)));
        }
        out.add(encode(new NopOut(false, 0, 10, 0xffffffff, 0, 0, new byte[64]).encode(a)));
        out.add(encode(new TextRequest(false, true, false, 0, 11, 0xffffffff, 0, 0,
                "SendTargets=All\0".getBytes()).encode(a)));
        out.add(encode(new LogoutRequest(false, 0, 12, 0, 0, 0).encode(a)));
        out.add(encode(new SnackRequest(1, 0, 13, 0, 0, 0, 0).encode(a)));
        return out;
    }

    private static byte[] garbage(Random random) {
        byte[] b = new byte[1 + random.nextInt(300)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] mutate(byte[] original, Random random, int cmdSn) {
        byte[] b = original.clone();
        if (b.length >= 48 && random.nextInt(3) > 0) {
            b[24] = (byte) (cmdSn >> 24);
            b[25] = (byte) (cmdSn >> 16);
            b[26] = (byte) (cmdSn >> 8);
            b[27] = (byte) cmdSn;
        }
        int kind = random.nextInt(8);
        switch (kind) {
            case 0 -> {
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int dsl = b.length >= 8 ? ((b[5] & 0xff) << 16 | (b[6] & 0xff) << 8 | (b[7] & 0xff)) : 0;
                int[] choices = {0, 1, dsl - 1, dsl + 1, 0xffffff, SEGMENT_LIMIT, SEGMENT_LIMIT + 1, random.nextInt()};
                int v = choices[random.nextInt(choices.length)] & 0xffffff;
                if (b.length >= 8) {
                    b[5] = (byte) (v >> 16);
                    b[6] = (byte) (v >> 8);
                    b[7] = (byte) v;
                }
            }
            case 2 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 3 -> b[0] = (byte) ((b[0] & 0x40) | random.nextInt(64));
            case 4 -> {
                if (b.length >= 48) {
                    int words = 1 + random.nextInt(4);
                    byte[] ahs = new byte[words * 4];
                    random.nextBytes(ahs);
                    byte[] out = new byte[b.length + ahs.length];
                    System.arraycopy(b, 0, out, 0, 48);
                    out[4] = (byte) words;
                    System.arraycopy(ahs, 0, out, 48, ahs.length);
                    System.arraycopy(b, 48, out, 48 + ahs.length, b.length - 48);
                    b = out;
                }
            }
            case 5 -> b[0] ^= 0x40;
            case 6 -> {
                if (b.length >= 20) {
                    int field = 8 + 4 * random.nextInt(10);
                    for (int i = 0; i < 4 && field + i < b.length; i++) {
                        b[field + i] = (byte) random.nextInt();
                    }
                }
            }
            default -> {
                if (b.length >= 48) {
                    b[4] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }

    /** Counts unexpected handler failures; ignores the rest. */
    private final class CountingMetrics implements SessionMetrics {
        @Override
        public void sessionOpened(boolean discovery) {
        }

        @Override
        public void sessionClosed(boolean discovery) {
        }

        @Override
        public void pduReceived(Opcode opcode, int dataBytes) {
            pdusHandled.incrementAndGet();
        }

        @Override
        public void pduSent(Opcode opcode, int dataBytes) {
        }

        @Override
        public void rejected(RejectReason reason) {
            rejects.incrementAndGet();
        }

        @Override
        public void loginFailed(LoginStatus status) {
        }

        @Override
        public void outOfWindow() {
        }

        @Override
        public void commandCompleted(String target, long lun, long nanos) {
        }

        @Override
        public void internalError() {
            internalErrors.incrementAndGet();
        }
    }
}
