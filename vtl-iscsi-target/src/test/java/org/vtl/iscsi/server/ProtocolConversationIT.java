package org.vtl.iscsi.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vtl.iscsi.login.DigestPolicy;
import org.vtl.iscsi.pdu.BhsDescriptor;
import org.vtl.iscsi.pdu.DataIn;
import org.vtl.iscsi.pdu.LogoutRequest;
import org.vtl.iscsi.pdu.LogoutResponse;
import org.vtl.iscsi.pdu.NopIn;
import org.vtl.iscsi.pdu.NopOut;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.R2t;
import org.vtl.iscsi.pdu.Reject;
import org.vtl.iscsi.pdu.RejectReason;
import org.vtl.iscsi.pdu.ScsiResponsePdu;
import org.vtl.iscsi.pdu.SnackRequest;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vtl.iscsi.server.IscsiTestClient.lun;

/** Full feature phase conversations over a real socket (RFC 7143 4.2.2, 4.3.4, 11.3-11.9, 11.14-11.19). */
class ProtocolConversationIT {

    private TargetFixture fixture;

    private TargetFixture start(IscsiTargetConfig config) throws Exception {
        fixture = new TargetFixture(config);
        return fixture;
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static byte[] pattern(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Writes a record through R2Ts; returns the R2Ts the target sent. */
    private static List<R2t> writeWithR2t(IscsiTestClient c, int tag, byte[] data, int immediate) throws Exception {
        c.send(c.command(0xa1, lun(1), tag, data.length, IscsiTestClient.write6(data.length),
                Arrays.copyOf(data, immediate)));
        java.util.ArrayList<R2t> r2ts = new java.util.ArrayList<>();
        int received = immediate;
        while (received < data.length) {
            R2t r2t = c.expect(R2t.class);
            r2ts.add(r2t);
            int sent = 0;
            int dataSn = 0;
            while (sent < r2t.desiredLength()) {
                int n = Math.min(8192, r2t.desiredLength() - sent);
                boolean fin = sent + n == r2t.desiredLength();
                c.send(IscsiTestClient.dataOut(fin, lun(1), tag, r2t.targetTransferTag(), dataSn++,
                        r2t.bufferOffset() + sent, data, r2t.bufferOffset() + sent, n, c.expStatSn));
                sent += n;
            }
            received += r2t.desiredLength();
        }
        return r2ts;
    }

    @Test
    void writeSolicitsDataWithR2tsOfMaxBurstAfterImmediateData() throws Exception {
        start(TargetFixture.config().withDataTransfer(65536, 65536, 16384, true, true, 2));
        byte[] data = pattern(200_000, 1);
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            List<R2t> r2ts = writeWithR2t(c, 0x10, data, 8192);
            ScsiResponsePdu status = c.expect(ScsiResponsePdu.class);
            assertEquals(0, status.status());
            assertEquals(8192, r2ts.getFirst().bufferOffset());
            assertEquals(65536, r2ts.getFirst().desiredLength());
            assertEquals(0, r2ts.getFirst().r2tSn());
            assertEquals(200_000 - 8192 - 2 * 65536, r2ts.getLast().desiredLength());
            assertEquals(2, r2ts.getLast().r2tSn());
        }
        assertArrayEquals(data, fixture.tape.records().getFirst());
    }

    @Test
    void unsolicitedDataOutFillsTheFirstBurstWhenInitialR2tIsNo() throws Exception {
        start(TargetFixture.config().withDataTransfer(65536, 65536, 32768, false, true, 1));
        byte[] data = pattern(100_000, 2);
        try (IscsiTestClient c = fixture.connect()) {
            var keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            keys.put("InitialR2T", "No");
            keys.put("FirstBurstLength", "32768");
            c.login(keys);
            c.send(c.command(0x21, lun(1), 0x20, data.length, IscsiTestClient.write6(data.length),
                    Arrays.copyOf(data, 8192)));
            c.send(IscsiTestClient.dataOut(false, lun(1), 0x20, 0xffffffff, 0, 8192, data, 8192, 16384, c.expStatSn));
            c.send(IscsiTestClient.dataOut(true, lun(1), 0x20, 0xffffffff, 1, 24576, data, 24576, 8192, c.expStatSn));
            R2t r2t = c.expect(R2t.class);
            assertEquals(32768, r2t.bufferOffset());
            assertEquals(65536, r2t.desiredLength());
            c.send(IscsiTestClient.dataOut(true, lun(1), 0x20, r2t.targetTransferTag(), 0, 32768, data, 32768,
                    65536, c.expStatSn));
            R2t last = c.expect(R2t.class);
            assertEquals(98304, last.bufferOffset());
            c.send(IscsiTestClient.dataOut(true, lun(1), 0x20, last.targetTransferTag(), 0, 98304, data, 98304,
                    100_000 - 98304, c.expStatSn));
            assertEquals(0, c.expect(ScsiResponsePdu.class).status());
        }
        assertArrayEquals(data, fixture.tape.records().getFirst());
    }

    @Test
    void readIsCutByTheInitiatorsMaxRecvDataSegmentLengthWithStatusInTheLastDataIn() throws Exception {
        start(TargetFixture.config());
        byte[] record = pattern(2000, 3);
        fixture.tape.records().add(record);
        try (IscsiTestClient c = fixture.connect()) {
            var keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            keys.put("MaxRecvDataSegmentLength", "512");
            c.login(keys);
            c.send(c.command(0x81, lun(1), 0x01, 0, IscsiTestClient.cdb(0x01), new byte[0]));
            c.expect(ScsiResponsePdu.class);
            c.send(c.command(0xc1, lun(1), 0x30, 2000, IscsiTestClient.read6(2000), new byte[0]));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            for (int i = 0; i < 4; i++) {
                Pdu pdu = c.receive();
                DataIn d = DataIn.decode(pdu);
                assertEquals(i, d.dataSn());
                assertEquals(i * 512, d.bufferOffset());
                boolean last = i == 3;
                assertEquals(last, (d.flags() & DataIn.STATUS) != 0, "S bit only on the last");
                assertEquals(last, (d.flags() & 0x80) != 0, "F bit only on the last");
                assertEquals(0, d.lun(), "LUN reserved without the A bit");
                got.writeBytes(io.netty.buffer.ByteBufUtil.getBytes(pdu.data()));
            }
            assertArrayEquals(record, got.toByteArray());
        }
    }

    @Test
    void shortReadReportsUnderflowResidual() throws Exception {
        start(TargetFixture.config());
        fixture.tape.records().add(pattern(1000, 4));
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0xc1, lun(1), 0x31, 4096, IscsiTestClient.read6(4096), new byte[0]));
            DataIn d = c.expect(DataIn.class);
            assertEquals(DataIn.STATUS | DataIn.UNDERFLOW | 0x80, d.flags());
            assertEquals(3096, d.residualCount());
        }
    }

    @Test
    void longerDataThanExpectedReportsOverflowAndSendsOnlyTheExpectedBytes() throws Exception {
        start(TargetFixture.config());
        fixture.tape.records().add(pattern(1000, 5));
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0xc1, lun(1), 0x32, 100, IscsiTestClient.read6(1000), new byte[0]));
            Pdu pdu = c.receive();
            DataIn d = DataIn.decode(pdu);
            assertEquals(100, pdu.data().readableBytes());
            assertEquals(DataIn.STATUS | DataIn.OVERFLOW | 0x80, d.flags());
            assertEquals(900, d.residualCount());
        }
    }

    @Test
    void checkConditionCarriesSenseInAScsiResponse() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0xc1, lun(1), 0x33, 512, IscsiTestClient.read6(512), new byte[0]));
            ScsiResponsePdu r = c.expect(ScsiResponsePdu.class);
            assertEquals(0x02, r.status());
            assertEquals(ScsiResponsePdu.RESIDUAL_UNDERFLOW | 0x80, r.flags());
            assertEquals(512, r.residualCount());
            byte[] sense = r.sense();
            assertEquals(0x08, sense[2] & 0x0f);
        }
    }

    @Test
    void reportLunsListsTheTargetsLunsAndAbsentLunsAreNotSupported() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0xc1, lun(7), 0x40, 64, IscsiTestClient.cdb(0xa0, 0, 0, 0, 0, 0, 0, 0, 0, 64),
                    new byte[0]));
            Pdu p = c.receive();
            byte[] list = io.netty.buffer.ByteBufUtil.getBytes(p.data());
            assertArrayEquals(new byte[]{0, 0, 0, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
                0, 2, 0, 0, 0, 0, 0, 0}, list);
            c.send(c.command(0x81, lun(7), 0x41, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            ScsiResponsePdu r = c.expect(ScsiResponsePdu.class);
            byte[] sense = r.sense();
            assertEquals(0x05, sense[2]);
            assertEquals(0x25, sense[12]);
            c.send(c.command(0xc1, lun(7), 0x42, 36, IscsiTestClient.cdb(0x12, 0, 0, 0, 36), new byte[0]));
            Pdu inquiry = c.receive();
            assertEquals(0x7f, inquiry.data().getByte(0) & 0xff, "qualifier 011b, type 1Fh");
        }
    }

    @Test
    void reportLunsAnswerIsByteExact() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            int cmdSn = c.cmdSn;
            int statSn = c.expStatSn;
            c.send(c.command(0xc1, lun(0), 0x40, 64, IscsiTestClient.cdb(0xa0, 0, 0, 0, 0, 0, 0, 0, 0, 64),
                    new byte[0]));
            Pdu p = c.receive();
            java.nio.ByteBuffer want = java.nio.ByteBuffer.allocate(48 + 32);
            want.put((byte) 0x25);                          // Data-In
            want.put((byte) 0x83);                          // F | U (residual underflow) | S (status here)
            want.put((byte) 0);                             // reserved
            want.put((byte) 0);                             // status GOOD
            want.putInt(32);                                // TotalAHSLength 0, DataSegmentLength 32
            want.putLong(0);                                // LUN reserved without the A bit
            want.putInt(0x40);                              // Initiator Task Tag
            want.putInt(0xffffffff);                        // Target Transfer Tag reserved
            want.putInt(statSn);                            // StatSN (S set)
            want.putInt(cmdSn + 1);                         // ExpCmdSN
            want.putInt(cmdSn + 64);                        // MaxCmdSN: 64 free task slots
            want.putInt(0);                                 // DataSN
            want.putInt(0);                                 // Buffer Offset
            want.putInt(32);                                // Residual Count: 64 expected, 32 sent
            want.putInt(24).putInt(0);                      // LUN LIST LENGTH 3 * 8, reserved
            want.putLong(0x0000_0000_0000_0000L);           // LUN 0
            want.putLong(0x0001_0000_0000_0000L);           // LUN 1
            want.putLong(0x0002_0000_0000_0000L);           // LUN 2
            byte[] got = new byte[48 + 32];
            p.bhs().getBytes(0, got, 0, 48);
            p.data().getBytes(0, got, 48, 32);
            assertArrayEquals(want.array(), got);
        }
    }

    @Test
    void commandOutsideTheCmdSnWindowIsIgnored() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            int expected = c.cmdSn;
            c.cmdSn = expected + 1000;
            c.send(c.command(0x81, lun(1), 0x50, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            c.cmdSn = expected;
            c.send(new NopOut(false, 0, 0x51, 0xffffffff, c.cmdSn++, c.expStatSn, new byte[]{1, 2, 3}));
            NopIn nop = c.expect(NopIn.class);
            assertEquals(0x51, nop.initiatorTaskTag());
            assertArrayEquals(new byte[]{1, 2, 3}, nop.pingData());
            assertEquals(expected + 1, nop.expCmdSn());
        }
        assertTrue(fixture.tape.opcodes().isEmpty(), "the ignored command never ran");
        assertEquals(1.0, fixture.meters.get("iscsi.cmdsn.ignored").counter().count());
    }

    @Test
    void commandAheadOfExpCmdSnWaitsForTheGap() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            int first = c.cmdSn;
            c.cmdSn = first + 1;
            c.send(c.command(0x81, lun(1), 0x61, 0, IscsiTestClient.cdb(0x01), new byte[0]));
            c.cmdSn = first;
            c.send(c.command(0x81, lun(1), 0x60, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            assertEquals(0x60, c.expect(ScsiResponsePdu.class).initiatorTaskTag());
            assertEquals(0x61, c.expect(ScsiResponsePdu.class).initiatorTaskTag());
        }
        assertEquals(List.of(0x00, 0x01), fixture.tape.opcodes());
    }

    @Test
    void readWaitsBehindAWriteStillCollectingDataOnTheSameLun() throws Exception {
        start(TargetFixture.config());
        byte[] data = pattern(10_000, 6);
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0xa1, lun(1), 0x70, data.length, IscsiTestClient.write6(data.length), new byte[0]));
            R2t r2t = c.expect(R2t.class);
            c.send(c.command(0x81, lun(1), 0x71, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            c.send(IscsiTestClient.dataOut(true, lun(1), 0x70, r2t.targetTransferTag(), 0, 0, data, 0, data.length,
                    c.expStatSn));
            assertEquals(0x70, c.expect(ScsiResponsePdu.class).initiatorTaskTag());
            assertEquals(0x71, c.expect(ScsiResponsePdu.class).initiatorTaskTag());
        }
        assertEquals(List.of(0x0a, 0x00), fixture.tape.opcodes());
    }

    @Test
    void digestsOnBothDirectionsCarryAWriteAndARead() throws Exception {
        start(TargetFixture.config().withDigests(DigestPolicy.REQUIRED, DigestPolicy.REQUIRED));
        byte[] data = pattern(30_001, 7);
        try (IscsiTestClient c = fixture.connect()) {
            var keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            keys.put("HeaderDigest", "CRC32C,None");
            keys.put("DataDigest", "CRC32C,None");
            c.login(keys);
            assertTrue(c.headerDigest && c.dataDigest);
            writeWithR2t(c, 0x80, data, 0);
            assertEquals(0, c.expect(ScsiResponsePdu.class).status());
            c.send(c.command(0x81, lun(1), 0x81, 0, IscsiTestClient.cdb(0x01), new byte[0]));
            c.expect(ScsiResponsePdu.class);
            c.send(c.command(0xc1, lun(1), 0x82, data.length, IscsiTestClient.read6(data.length), new byte[0]));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            while (got.size() < data.length) {
                got.writeBytes(io.netty.buffer.ByteBufUtil.getBytes(c.receive().data()));
            }
            assertArrayEquals(data, got.toByteArray());
        }
    }

    @Test
    void corruptDataDigestOnDataOutIsRejectedAndFailsTheCommand() throws Exception {
        start(TargetFixture.config().withDigests(DigestPolicy.OPTIONAL, DigestPolicy.REQUIRED));
        byte[] data = pattern(4096, 8);
        try (IscsiTestClient c = fixture.connect()) {
            var keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            keys.put("DataDigest", "CRC32C");
            c.login(keys);
            c.send(c.command(0xa1, lun(1), 0x90, data.length, IscsiTestClient.write6(data.length), new byte[0]));
            R2t r2t = c.expect(R2t.class);
            Pdu out = IscsiTestClient.dataOut(true, lun(1), 0x90, r2t.targetTransferTag(), 0, 0, data, 0,
                    data.length, c.expStatSn);
            io.netty.buffer.ByteBuf wire = org.vtl.iscsi.pdu.PduEncoder.encodeToBuffer(
                    io.netty.buffer.ByteBufAllocator.DEFAULT, out, false, true);
            byte[] bytes = io.netty.buffer.ByteBufUtil.getBytes(wire);
            bytes[bytes.length - 1] ^= 0x55;
            c.sendRaw(bytes);
            Reject reject = c.expect(Reject.class);
            assertEquals(RejectReason.DATA_DIGEST_ERROR.code(), reject.reason());
            ScsiResponsePdu r = c.expect(ScsiResponsePdu.class);
            byte[] sense = r.sense();
            assertEquals(0x0b, sense[2]);
            assertEquals(0x47, sense[12]);
            assertEquals(0x05, sense[13]);
        }
        assertTrue(fixture.tape.records().isEmpty());
    }

    @Test
    void corruptHeaderDigestClosesTheConnection() throws Exception {
        start(TargetFixture.config().withDigests(DigestPolicy.REQUIRED, DigestPolicy.OPTIONAL));
        try (IscsiTestClient c = fixture.connect()) {
            var keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            keys.put("HeaderDigest", "CRC32C");
            c.login(keys);
            Pdu nop = new NopOut(true, 0, 5, 0xffffffff, c.cmdSn, c.expStatSn, new byte[0])
                    .encode(io.netty.buffer.ByteBufAllocator.DEFAULT);
            byte[] bytes = io.netty.buffer.ByteBufUtil.getBytes(org.vtl.iscsi.pdu.PduEncoder.encodeToBuffer(
                    io.netty.buffer.ByteBufAllocator.DEFAULT, nop, true, false));
            bytes[50] ^= 1;
            c.sendRaw(bytes);
            assertTrue(c.closedByTarget());
        }
    }

    @Test
    void abortTaskMidTransferStopsTheWriteWithoutAResponse() throws Exception {
        start(TargetFixture.config());
        byte[] data = pattern(50_000, 9);
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0xa1, lun(1), 0xa0, data.length, IscsiTestClient.write6(data.length),
                    Arrays.copyOf(data, 1000)));
            R2t r2t = c.expect(R2t.class);
            c.send(IscsiTestClient.dataOut(false, lun(1), 0xa0, r2t.targetTransferTag(), 0, 1000, data, 1000, 4000,
                    c.expStatSn));
            c.send(new org.vtl.iscsi.pdu.TaskMgmtRequest(true, 1, lun(1), 0xa1, 0xa0, c.cmdSn, c.expStatSn,
                    c.cmdSn - 1, 0));
            var tmf = c.expect(org.vtl.iscsi.pdu.TaskMgmtResponse.class);
            assertEquals(0, tmf.response());
            assertEquals(0xa1, tmf.initiatorTaskTag());
            c.send(c.command(0x81, lun(1), 0xa2, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            assertEquals(0xa2, c.expect(ScsiResponsePdu.class).initiatorTaskTag(), "no response for the aborted task");
        }
        assertTrue(fixture.tape.records().isEmpty());
    }

    @Test
    void abortTaskForAnUnknownTagOutsideTheWindowSaysTaskDoesNotExist() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(new org.vtl.iscsi.pdu.TaskMgmtRequest(true, 1, lun(1), 0xb1, 0x999, c.cmdSn, c.expStatSn,
                    c.cmdSn + 5, 0));
            assertEquals(1, c.expect(org.vtl.iscsi.pdu.TaskMgmtResponse.class).response());
        }
    }

    @Test
    void lunResetAbortsACommandHeldByTheLogicalUnit() throws Exception {
        start(TargetFixture.config());
        fixture.tape.close();
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0x81, lun(1), 0xc0, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            c.send(new org.vtl.iscsi.pdu.TaskMgmtRequest(true, 5, lun(1), 0xc1, 0xffffffff, c.cmdSn, c.expStatSn,
                    0, 0));
            var tmf = c.expect(org.vtl.iscsi.pdu.TaskMgmtResponse.class);
            assertEquals(0, tmf.response());
            fixture.tape.open();
            c.send(c.command(0x81, lun(1), 0xc2, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            assertEquals(0xc2, c.expect(ScsiResponsePdu.class).initiatorTaskTag());
        }
        assertTrue(fixture.tape.log().contains("tmf LOGICAL_UNIT_RESET"));
    }

    @Test
    void taskManagementOnAnAbsentLunSaysLunDoesNotExist() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(new org.vtl.iscsi.pdu.TaskMgmtRequest(true, 5, lun(9), 0xd1, 0xffffffff, c.cmdSn, c.expStatSn,
                    0, 0));
            assertEquals(2, c.expect(org.vtl.iscsi.pdu.TaskMgmtResponse.class).response());
        }
    }

    @Test
    void targetWarmResetReachesEveryLogicalUnit() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(new org.vtl.iscsi.pdu.TaskMgmtRequest(true, 6, 0, 0xd2, 0xffffffff, c.cmdSn, c.expStatSn, 0, 0));
            assertEquals(0, c.expect(org.vtl.iscsi.pdu.TaskMgmtResponse.class).response());
        }
        for (var unit : List.of(fixture.changer, fixture.tape, fixture.tape2)) {
            assertTrue(unit.log().contains("tmf TARGET_WARM_RESET"));
        }
    }

    @Test
    void targetColdResetAnswersThenDropsTheTargetsSessions() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(new org.vtl.iscsi.pdu.TaskMgmtRequest(true, 7, 0, 0xd3, 0xffffffff, c.cmdSn, c.expStatSn, 0, 0));
            assertEquals(0, c.expect(org.vtl.iscsi.pdu.TaskMgmtResponse.class).response());
            assertTrue(c.closedByTarget());
        }
    }

    @Test
    void snackIsRejectedAtErrorRecoveryLevelZero() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(new SnackRequest(0, 0, 1, 0xffffffff, c.expStatSn, 0, 0));
            Reject reject = c.expect(Reject.class);
            assertEquals(RejectReason.COMMAND_NOT_SUPPORTED.code(), reject.reason());
            assertEquals(0x10, reject.rejectedHeader()[0] & 0x3f);
        }
    }

    @Test
    void unknownOpcodeIsRejectedAndTheSessionGoesOn() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            byte[] bhs = new byte[48];
            bhs[0] = 0x1c;
            c.sendRaw(bhs);
            assertEquals(RejectReason.COMMAND_NOT_SUPPORTED.code(), c.expect(Reject.class).reason());
            c.send(new NopOut(true, 0, 0x77, 0xffffffff, c.cmdSn, c.expStatSn, new byte[0]));
            assertEquals(0x77, c.expect(NopIn.class).initiatorTaskTag());
        }
    }

    @Test
    void aLogicalUnitThatFailsGivesHardwareErrorInternalTargetFailure() throws Exception {
        start(TargetFixture.config());
        org.vtl.scsi.LogicalUnit failing = new org.vtl.scsi.LogicalUnit() {
            @Override
            public int peripheralDeviceType() {
                return 1;
            }

            @Override
            public java.util.concurrent.CompletionStage<org.vtl.scsi.ScsiResponse> execute(
                    org.vtl.scsi.ScsiCommand command) {
                command.dataOut().release();
                return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("broken"));
            }

            @Override
            public java.util.concurrent.CompletionStage<org.vtl.scsi.TaskManagementResponse> manageTask(
                    org.vtl.scsi.TaskManagementFunction function, org.vtl.scsi.Nexus nexus, long tag) {
                return java.util.concurrent.CompletableFuture.completedFuture(
                        org.vtl.scsi.TaskManagementResponse.FUNCTION_COMPLETE);
            }
        };
        fixture.registry.put(TargetDefinition.open("iqn.2026-11.org.vtl:failing", Map.of(0L, failing)));
        try (IscsiTestClient c = fixture.loggedIn("iqn.2026-11.org.vtl:failing")) {
            c.send(c.command(0x81, lun(0), 0x59, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            ScsiResponsePdu r = c.expect(ScsiResponsePdu.class);
            assertEquals(0x02, r.status());
            byte[] sense = r.sense();
            assertEquals(0x04, sense[2] & 0x0f);
            assertEquals(0x44, sense[12]);
            assertEquals(0x00, sense[13]);
        }
    }

    @Test
    void taskTagStillInUseIsRejectedAsTaskInProgress() throws Exception {
        start(TargetFixture.config());
        fixture.tape.close();
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0x81, lun(1), 0x55, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            c.send(c.command(0x81, lun(1), 0x55, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            Reject reject = c.expect(Reject.class);
            assertEquals(RejectReason.TASK_IN_PROGRESS.code(), reject.reason());
            assertEquals(0x55, java.nio.ByteBuffer.wrap(reject.rejectedHeader()).getInt(16));
            fixture.tape.open();
            assertEquals(0x55, c.expect(ScsiResponsePdu.class).initiatorTaskTag());
        }
    }

    @Test
    void immediateDataWhenImmediateDataIsNoIsRejected() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.connect()) {
            var keys = IscsiTestClient.normalKeys(TargetFixture.OPEN);
            keys.put("ImmediateData", "No");
            c.login(keys);
            c.send(c.command(0xa1, lun(1), 0x56, 100, IscsiTestClient.write6(100), new byte[100]));
            assertEquals(RejectReason.PROTOCOL_ERROR.code(), c.expect(Reject.class).reason());
            c.send(new NopOut(true, 0, 0x57, 0xffffffff, c.cmdSn, c.expStatSn, new byte[0]));
            assertEquals(0x57, c.expect(NopIn.class).initiatorTaskTag(), "the session goes on");
        }
        assertTrue(fixture.tape.records().isEmpty());
    }

    @Test
    void scsiCommandInADiscoverySessionIsRejected() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.connect()) {
            java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
            keys.put("InitiatorName", IscsiTestClient.INITIATOR);
            keys.put("SessionType", "Discovery");
            c.login(keys);
            c.send(c.command(0x81, lun(0), 0x58, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            assertEquals(RejectReason.PROTOCOL_ERROR.code(), c.expect(Reject.class).reason());
        }
        assertTrue(fixture.changer.opcodes().isEmpty());
    }

    @Test
    void dataSegmentOverTheLimitIsRejectedAndClosesTheConnection() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            byte[] bhs = new byte[48];
            bhs[0] = 0x00 | 0x40;
            bhs[1] = (byte) 0x80;
            bhs[5] = (byte) 0xff;
            bhs[6] = (byte) 0xff;
            bhs[7] = (byte) 0xff;
            c.sendRaw(bhs);
            assertEquals(RejectReason.PROTOCOL_ERROR.code(), c.expect(Reject.class).reason());
            assertTrue(c.closedByTarget());
        }
    }

    @Test
    void targetPingsAnIdleInitiatorAndDropsItWhenUnanswered() throws Exception {
        start(TargetFixture.config().withTimers(Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofSeconds(10)));
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            NopIn ping = c.expect(NopIn.class);
            assertEquals(BhsDescriptor.RESERVED_TAG, ping.initiatorTaskTag());
            assertTrue(ping.targetTransferTag() != BhsDescriptor.RESERVED_TAG);
            c.send(new NopOut(true, 0, BhsDescriptor.RESERVED_TAG, ping.targetTransferTag(), c.cmdSn, c.expStatSn,
                    new byte[0]));
            NopIn second = c.expect(NopIn.class);
            assertTrue(second.targetTransferTag() != ping.targetTransferTag());
            assertTrue(c.closedByTarget(), "no answer to the second ping");
        }
    }

    @Test
    void logoutClosesTheSession() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            assertEquals(1, fixture.server.sessionCount());
            c.send(new LogoutRequest(true, LogoutRequest.CLOSE_SESSION, 0x99, 0, c.cmdSn, c.expStatSn));
            LogoutResponse r = c.expect(LogoutResponse.class);
            assertEquals(LogoutResponse.CLOSED, r.response());
            assertEquals(2, r.time2Wait());
            assertTrue(c.closedByTarget());
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (fixture.tape.log().stream().noneMatch(s -> s.startsWith("nexusLost"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(fixture.tape.log().stream().anyMatch(s -> s.startsWith("nexusLost")), "nexus loss reported");
    }

    @Test
    void abruptDisconnectMidTransferReleasesTheSessionAndOthersKeepServing() throws Exception {
        start(TargetFixture.config());
        byte[] data = pattern(100_000, 10);
        try (IscsiTestClient other = fixture.loggedIn(TargetFixture.OPEN)) {
            IscsiTestClient c = fixture.connect();
            c.isid = 0x8000_0000_0777L;
            c.login(IscsiTestClient.normalKeys(TargetFixture.OPEN));
            c.send(c.command(0xa1, lun(1), 0xe0, data.length, IscsiTestClient.write6(data.length),
                    Arrays.copyOf(data, 8192)));
            c.expect(R2t.class);
            c.close();
            long deadline = System.currentTimeMillis() + 5000;
            while (fixture.server.sessionCount() > 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, fixture.server.sessionCount());
            other.send(other.command(0x81, lun(2), 0xe1, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            assertEquals(0, other.expect(ScsiResponsePdu.class).status());
        }
        assertTrue(fixture.tape.records().isEmpty());
    }

    @Test
    void garbageConnectionsDoNotDisturbAHealthySession() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient healthy = fixture.loggedIn(TargetFixture.OPEN)) {
            Random random = new Random(11);
            for (int i = 0; i < 50; i++) {
                try (IscsiTestClient junk = fixture.connect()) {
                    byte[] garbage = new byte[1 + random.nextInt(4096)];
                    random.nextBytes(garbage);
                    if (i % 2 == 0 && garbage.length >= 48) {
                        garbage[0] = 0x43;                  // looks like a Login Request
                        garbage[4] = 0;                     // no AHS
                    }
                    junk.sendRaw(garbage);
                }
                healthy.send(new NopOut(true, 0, 0x1000 + i, 0xffffffff, healthy.cmdSn, healthy.expStatSn,
                        new byte[]{(byte) i}));
                assertEquals(0x1000 + i, healthy.expect(NopIn.class).initiatorTaskTag());
            }
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (fixture.server.sessionCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, fixture.server.sessionCount());
        assertEquals(0.0, fixture.meters.get("iscsi.internal.errors").counter().count());
    }

    @Test
    void sameInitiatorOpensOneSessionPerIsidAndTheSameIsidReinstates() throws Exception {
        start(TargetFixture.config());
        IscsiTestClient a = fixture.connect();
        a.isid = 0x8000_0000_0001L;
        a.login(IscsiTestClient.normalKeys(TargetFixture.OPEN));
        IscsiTestClient b = fixture.connect();
        b.isid = 0x8000_0000_0002L;
        b.login(IscsiTestClient.normalKeys(TargetFixture.OPEN));
        assertEquals(2, fixture.server.sessionCount());
        b.send(b.command(0x81, lun(2), 0x11, 0, IscsiTestClient.cdb(0x00), new byte[0]));
        a.send(a.command(0x81, lun(1), 0x11, 0, IscsiTestClient.cdb(0x00), new byte[0]));
        assertEquals(0, a.expect(ScsiResponsePdu.class).status());
        assertEquals(0, b.expect(ScsiResponsePdu.class).status());
        var infos = fixture.server.sessions();
        assertEquals(2, infos.size());
        assertTrue(infos.stream().allMatch(i -> i.initiatorName().equals(IscsiTestClient.INITIATOR)
                && TargetFixture.OPEN.equals(i.targetName()) && !i.discovery()));
        assertEquals(java.util.Set.of("800000000001", "800000000002"),
                infos.stream().map(SessionInfo::isid).collect(java.util.stream.Collectors.toSet()));
        IscsiTestClient again = fixture.connect();
        again.isid = 0x8000_0000_0001L;
        again.login(IscsiTestClient.normalKeys(TargetFixture.OPEN));
        assertTrue(a.closedByTarget(), "the old session with the same ISID was reinstated");
        assertFalse(fixture.server.sessionCount() > 2);
        a.close();
        b.close();
        again.close();
    }

    @Test
    void removingATargetAsksForALogoutThenClosesItsSessions() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            fixture.registry.remove(TargetFixture.OPEN);
            org.vtl.iscsi.pdu.AsyncMessage async = c.expect(org.vtl.iscsi.pdu.AsyncMessage.class);
            assertEquals(org.vtl.iscsi.pdu.AsyncMessage.LOGOUT_REQUESTED, async.asyncEvent());
            assertEquals(2, async.parameter3(), "seconds before the target drops the session");
            assertTrue(c.closedByTarget());
        }
    }

    @Test
    void meteredPdusSessionsAndLatency() throws Exception {
        start(TargetFixture.config());
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            c.send(c.command(0x81, lun(1), 0x12, 0, IscsiTestClient.cdb(0x00), new byte[0]));
            c.expect(ScsiResponsePdu.class);
            assertEquals(1.0, fixture.meters.get("iscsi.sessions").tag("type", "normal").gauge().value());
        }
        assertEquals(1.0, fixture.meters.get("iscsi.pdus").tag("opcode", "scsi_command").counter().count());
        assertEquals(1L, fixture.meters.get("iscsi.command.latency").tag("lun", "1").timer().count());
    }
}
