package org.vtl.bench.initiator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vtl.iscsi.pdu.Opcode;

/**
 * The receiver thread of a session: reads every PDU the target sends and dispatches it. Data-In payload is read
 * straight from the socket into the task's buffer at its BufferOffset (no intermediate copy); R2Ts are answered
 * here with Data-Out, NOP-In pings with NOP-Out.
 */
public final class Receiver implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);
    private static final int STATUS_PRESENT = 0x01;
    private static final int UNDERFLOW = 0x02;
    private static final int OVERFLOW = 0x04;

    /** What the receiver has handled so far; read by tests and the harness. */
    public record Counters(long dataInPdus, long r2ts, long nopInsAnswered, long rejects) {
    }

    private final IscsiSession session;
    private final PduChannel channel;
    private final ByteBuffer bhs = ByteBuffer.allocateDirect(Bhs.LENGTH);
    private final ByteBuffer replyHeader = ByteBuffer.allocateDirect(Bhs.LENGTH);
    private final ByteBuffer segment;
    private final LongAdder dataIns = new LongAdder();
    private final LongAdder r2ts = new LongAdder();
    private final LongAdder nops = new LongAdder();
    private final LongAdder rejects = new LongAdder();

    Receiver(IscsiSession session, PduChannel channel, SessionParameters params) {
        this.session = session;
        this.channel = channel;
        this.segment = ByteBuffer.allocateDirect(Math.max(params.maxRecvDataSegmentLength(), 8192) + 4);
    }

    Counters counters() {
        return new Counters(dataIns.sum(), r2ts.sum(), nops.sum(), rejects.sum());
    }

    @Override
    public void run() {
        try {
            while (true) {
                bhs.clear();
                channel.readFully(bhs);
                dispatch();
            }
        } catch (IOException | RuntimeException e) {
            if (!session.closing()) {
                LOG.warn("iSCSI connection failed: {}", e.toString());
            }
            session.failAll(e instanceof RuntimeException re ? re : new IscsiException("connection lost", e));
            session.logoutResponded();
        }
    }

    private void dispatch() throws IOException {
        Opcode op = Bhs.opcode(bhs);
        channel.skip(Bhs.totalAhsBytes(bhs));
        int length = Bhs.dataSegmentLength(bhs);
        if (op == Opcode.DATA_IN) {
            dataIn(length);
            return;
        }
        if (length > segment.capacity() - 4) {
            throw new IscsiException(op + " data segment of " + length + " bytes exceeds MaxRecvDataSegmentLength");
        }
        segment.clear().limit(length + Bhs.padding(length));
        channel.readFully(segment);
        segment.flip().limit(length);
        if (op == null) {
            throw new IscsiException("unknown opcode " + (bhs.get(0) & 0x3f));
        }
        switch (op) {
            case SCSI_RESPONSE -> scsiResponse(length);
            case R2T -> r2t();
            case NOP_IN -> nopIn(length);
            case LOGOUT_RESPONSE -> logoutResponse();
            case REJECT -> reject();
            case ASYNC_MESSAGE -> asyncMessage();
            default -> throw new IscsiException("unexpected " + op + " in Full Feature Phase");
        }
    }

    private void window() {
        session.updateWindow(bhs.getInt(Bhs.WORD28_OFFSET), bhs.getInt(Bhs.MAX_CMD_SN_OFFSET));
    }

    private void dataIn(int length) throws IOException {
        dataIns.increment();
        int flags = Bhs.flags(bhs);
        ScsiTask task = session.task(bhs.getInt(Bhs.ITT_OFFSET));
        int offset = bhs.getInt(Bhs.BUFFER_OFFSET_OFFSET);
        if (task == null || task.dataIn == null || offset < 0 || offset + length > task.dataIn.capacity()) {
            throw new IscsiException("Data-In for unknown task or outside its buffer: offset " + offset
                    + " length " + length);
        }
        ByteBuffer dst = task.dataIn.duplicate().limit(offset + length).position(offset);
        channel.readFully(dst);
        channel.skip(Bhs.padding(length));
        task.dataInBytes += length;
        window();
        if ((flags & STATUS_PRESENT) != 0) {
            session.statSn(bhs.getInt(Bhs.WORD24_OFFSET));
            task.complete(new ScsiResult(bhs.get(3) & 0xff, 0, new byte[0], residual(flags), task.dataInBytes));
        }
    }

    private int residual(int flags) {
        int count = bhs.getInt(Bhs.WORD44_OFFSET);
        return (flags & UNDERFLOW) != 0 ? count : (flags & OVERFLOW) != 0 ? -count : 0;
    }

    private void scsiResponse(int length) {
        session.statSn(bhs.getInt(Bhs.WORD24_OFFSET));
        window();
        ScsiTask task = session.task(bhs.getInt(Bhs.ITT_OFFSET));
        if (task == null) {
            LOG.warn("SCSI Response for unknown task {}", Integer.toHexString(bhs.getInt(Bhs.ITT_OFFSET)));
            return;
        }
        byte[] sense = new byte[0];
        if (length >= 2) {
            int senseLength = Math.min(segment.getShort(0) & 0xffff, length - 2);
            sense = new byte[senseLength];
            segment.get(2, sense);
        }
        task.complete(new ScsiResult(bhs.get(3) & 0xff, bhs.get(2) & 0xff, sense, residual(Bhs.flags(bhs)),
                task.dataInBytes));
    }

    private void r2t() throws IOException {
        r2ts.increment();
        window();
        ScsiTask task = session.task(bhs.getInt(Bhs.ITT_OFFSET));
        int offset = bhs.getInt(Bhs.BUFFER_OFFSET_OFFSET);
        int length = bhs.getInt(Bhs.WORD44_OFFSET);
        if (task == null || task.dataOut == null || offset < 0 || length < 0
                || (long) offset + length > task.dataOut.remaining()) {
            throw new IscsiException("R2T for unknown task or outside its data: offset " + offset + " length "
                    + length);
        }
        channel.sendLock().lock();
        try {
            session.sendDataOut(task, bhs.getInt(Bhs.WORD20_OFFSET), offset, length);
        } finally {
            channel.sendLock().unlock();
        }
    }

    /** A ping from the target (TTT set) is echoed with its data; a reply to our own ping needs nothing. */
    private void nopIn(int length) throws IOException {
        int ttt = bhs.getInt(Bhs.WORD20_OFFSET);
        int itt = bhs.getInt(Bhs.ITT_OFFSET);
        if (itt != Bhs.RESERVED_TAG) {
            session.statSn(bhs.getInt(Bhs.WORD24_OFFSET));
        }
        window();
        if (ttt == Bhs.RESERVED_TAG) {
            return;
        }
        nops.increment();
        Bhs.start(replyHeader, Opcode.NOP_OUT, true, Bhs.FINAL);
        replyHeader.put(Bhs.LUN_OFFSET, bhs.slice(Bhs.LUN_OFFSET, 8), 0, 8);
        replyHeader.putInt(Bhs.ITT_OFFSET, Bhs.RESERVED_TAG);
        replyHeader.putInt(Bhs.WORD20_OFFSET, ttt);
        replyHeader.putInt(Bhs.WORD24_OFFSET, session.currentCmdSn());
        replyHeader.putInt(Bhs.WORD28_OFFSET, session.expStatSn());
        channel.send(replyHeader, length == 0 ? null : segment.duplicate());
    }

    private void logoutResponse() {
        session.statSn(bhs.getInt(Bhs.WORD24_OFFSET));
        window();
        if ((bhs.get(2) & 0xff) != 0) {
            LOG.warn("Logout Response code {}", bhs.get(2) & 0xff);
        }
        session.logoutResponded();
    }

    /** A Reject carries the rejected header; the task it names fails (RFC 7143 11.17). */
    private void reject() {
        rejects.increment();
        session.statSn(bhs.getInt(Bhs.WORD24_OFFSET));
        window();
        int reason = bhs.get(2) & 0xff;
        if (segment.remaining() >= Bhs.LENGTH) {
            ScsiTask task = session.task(segment.getInt(Bhs.ITT_OFFSET));
            if (task != null) {
                task.fail(new IscsiException(String.format("target rejected the command: reason %02Xh", reason)));
                return;
            }
        }
        LOG.warn("Reject reason {} for a PDU with no task", reason);
    }

    private void asyncMessage() {
        session.statSn(bhs.getInt(Bhs.WORD24_OFFSET));
        window();
        int event = bhs.get(36) & 0xff;
        LOG.info("Async Message event {} (1: target requests logout, 2/3: target drops connection/session)", event);
    }
}
