package org.vtl.iscsi.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vtl.iscsi.pdu.CmdSnArithmetic;
import org.vtl.iscsi.pdu.NopIn;
import org.vtl.iscsi.pdu.R2t;
import org.vtl.iscsi.pdu.ScsiResponsePdu;

import java.net.SocketTimeoutException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vtl.iscsi.server.IscsiTestClient.lun;

/**
 * A logical unit that holds on to written payloads (a slow engine) slows the initiator through MaxCmdSN and
 * R2Ts; the connection never holds more than its configured memory.
 */
class BackpressureIT {

    private static final int SEGMENT = 65536;
    private static final long MEMORY = 512 * 1024;
    private TargetFixture fixture;

    @AfterEach
    void stop() {
        fixture.tape.releaseHeld();
        fixture.close();
    }

    private void start() throws Exception {
        fixture = new TargetFixture(TargetFixture.config().withDataTransfer(SEGMENT, SEGMENT, SEGMENT, true, true, 1)
                .withLimits(64, MEMORY));
        fixture.tape.holdPayloads(true);
    }

    @Test
    void heldPayloadsCloseTheCommandWindowAndReleaseReopensIt() throws Exception {
        start();
        byte[] block = new byte[SEGMENT];
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            int sent = 0;
            int tag = 1;
            while (!CmdSnArithmetic.after(c.cmdSn, c.maxCmdSn)) {
                c.send(c.command(0xa1, lun(1), tag++, SEGMENT, IscsiTestClient.write6(SEGMENT), block));
                assertEquals(0, c.expect(ScsiResponsePdu.class).status());
                sent++;
                assertTrue(sent <= 64, "the window must close");
            }
            long held = (long) sent * SEGMENT;
            assertTrue(held <= MEMORY, "held " + held + " bytes within the bound " + MEMORY);
            assertTrue(sent >= 2, "some commands fit: " + sent);
            fixture.tape.releaseHeld();
            NopIn update = c.expect(NopIn.class);
            assertEquals(0xffffffff, update.targetTransferTag(), "a window update needs no answer");
            assertTrue(CmdSnArithmetic.after(update.maxCmdSn(), c.maxCmdSn), "MaxCmdSN moved on");
            c.maxCmdSn = update.maxCmdSn();
            c.send(c.command(0xa1, lun(1), tag, SEGMENT, IscsiTestClient.write6(SEGMENT), block));
            org.vtl.iscsi.pdu.Pdu next = c.receive();
            while (next.opcode() == org.vtl.iscsi.pdu.Opcode.NOP_IN) {
                next = c.receive(); // further window updates as the other payloads come back
            }
            assertEquals(0, ScsiResponsePdu.decode(next).status());
        }
    }

    @Test
    void r2tWaitsForMemoryHeldByASlowLogicalUnit() throws Exception {
        start();
        int size = 200_000;
        byte[] data = new byte[size];
        try (IscsiTestClient c = fixture.loggedIn(TargetFixture.OPEN)) {
            for (int tag = 1; tag <= 2; tag++) {
                c.send(c.command(0xa1, lun(1), tag, size, IscsiTestClient.write6(size), new byte[0]));
                int got = 0;
                while (got < size) {
                    R2t r2t = c.expect(R2t.class);
                    c.send(IscsiTestClient.dataOut(true, lun(1), tag, r2t.targetTransferTag(), 0, r2t.bufferOffset(),
                            data, r2t.bufferOffset(), r2t.desiredLength(), c.expStatSn));
                    got += r2t.desiredLength();
                }
                c.expect(ScsiResponsePdu.class);
            }
            c.send(c.command(0xa1, lun(1), 3, size, IscsiTestClient.write6(size), Arrays.copyOf(data, 0)));
            c.timeout(500);
            assertThrows(SocketTimeoutException.class, c::receive, "no R2T while the memory is held");
            c.timeout(5000);
            fixture.tape.releaseHeld();
            R2t r2t = c.expect(R2t.class);
            assertEquals(0, r2t.bufferOffset());
        }
    }
}
