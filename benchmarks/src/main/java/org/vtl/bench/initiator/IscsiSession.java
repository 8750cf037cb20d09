package org.vtl.bench.initiator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vtl.iscsi.pdu.Opcode;

/**
 * A logged-in iSCSI session with one connection. Commands are submitted from any thread and run concurrently up
 * to {@link InitiatorConfig#maxOutstanding()} and the target's CmdSN window (RFC 7143 section 4.2.2.1). Owns one
 * receiver thread (see {@link Receiver}).
 *
 * <pre>{@code
 * try (IscsiSession s = IscsiSession.login(InitiatorConfig.defaults(portal, iqn))) {
 *     ScsiTask t = s.submit(1, cdb, payload, null);   // WRITE: payload's position..limit is sent
 *     t.await().requireGood("WRITE(6)");
 * }
 * }</pre>
 */
public final class IscsiSession implements AutoCloseable {
    static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(IscsiSession.class);
    private static final AtomicInteger ISID_QUALIFIER = new AtomicInteger((int) (System.nanoTime() & 0xffff));
    private static final int SLOT_BITS = 6;
    private static final int READ = 0x40;
    private static final int WRITE = 0x20;
    private static final int ATTR_SIMPLE = 0x01;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int LOGOUT_ITT = 0x4c4f4755;
    /** Data-Out PDUs per gathering write. */
    static final int BATCH_PDUS = 64;
    private static final ByteBuffer PAD = ByteBuffer.allocateDirect(4);

    private final PduChannel channel;
    private final SessionParameters parameters;
    private final InitiatorConfig config;
    private final ScsiTask[] tasks;
    private final ArrayDeque<ScsiTask> free = new ArrayDeque<>();
    private final ReentrantLock window = new ReentrantLock();
    private final Condition windowOpen = window.newCondition();
    private final ByteBuffer[] batchHeaders = new ByteBuffer[BATCH_PDUS];
    private final ByteBuffer[] batch = new ByteBuffer[3 * BATCH_PDUS];
    private final ByteBuffer logoutHeader = ByteBuffer.allocateDirect(Bhs.LENGTH);
    private final CountDownLatch logoutResponse = new CountDownLatch(1);
    private final Receiver receiver;
    private final Thread receiverThread;
    private int cmdSn;
    private int expCmdSn;
    private int maxCmdSn;
    private int generation;
    private volatile int expStatSn;
    private volatile RuntimeException failure;
    private volatile boolean closing;

    private IscsiSession(PduChannel channel, InitiatorConfig config, LoginExchange login, SessionParameters params) {
        this.channel = channel;
        this.config = config;
        this.parameters = params;
        this.cmdSn = login.cmdSn();
        this.expCmdSn = login.cmdSn();
        this.maxCmdSn = login.maxCmdSn();
        this.expStatSn = login.expStatSn();
        ByteBuffer headers = ByteBuffer.allocateDirect(Bhs.LENGTH * BATCH_PDUS);
        for (int i = 0; i < BATCH_PDUS; i++) {
            batchHeaders[i] = headers.slice(i * Bhs.LENGTH, Bhs.LENGTH);
        }
        this.tasks = new ScsiTask[1 << SLOT_BITS];
        for (int i = 0; i < config.maxOutstanding(); i++) {
            tasks[i] = new ScsiTask(this, i);
            free.add(tasks[i]);
        }
        this.receiver = new Receiver(this, channel, params);
        this.receiverThread = Thread.ofPlatform().daemon().name("iscsi-rx-" + params.tsih()).unstarted(receiver);
    }

    /** Connects, logs in (None or CHAP as configured) and starts the receiver thread. */
    public static IscsiSession login(InitiatorConfig config) throws IOException {
        PduChannel channel = PduChannel.connect(config.portal(), CONNECT_TIMEOUT_MILLIS);
        try {
            int q = ISID_QUALIFIER.incrementAndGet();
            byte[] isid = {(byte) 0x80, 0x00, 0x56, 0x54, (byte) (q >>> 8), (byte) q}; // random-format ISID
            LoginExchange login = new LoginExchange(channel, config, isid);
            SessionParameters params = login.run();
            IscsiSession session = new IscsiSession(channel, config, login, params);
            session.receiverThread.start();
            LOG.debug("logged in to {} at {}: {}", config.targetName(), config.portal(), params);
            return session;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public SessionParameters parameters() {
        return parameters;
    }

    /** Counters of what the receiver has seen (R2Ts answered, NOP-In pings answered, Data-In PDUs). */
    public Receiver.Counters counters() {
        return receiver.counters();
    }

    /**
     * Sends a command. {@code dataOut} (position..limit) is the WRITE payload, {@code dataIn} (position..limit)
     * receives READ data starting at its position; at most one of them is non-null. The buffers must stay
     * untouched until {@link ScsiTask#await()} returns. Blocks while the window is full: a caller keeping
     * {@code maxOutstanding} tasks in flight must await one before submitting the next.
     */
    public ScsiTask submit(int lun, byte[] cdb, ByteBuffer dataOut, ByteBuffer dataIn) throws IOException {
        if (cdb.length > 16) {
            throw new IllegalArgumentException("CDBs longer than 16 bytes need an AHS, not supported");
        }
        ScsiTask task;
        int sn;
        window.lock();
        try {
            while (failure == null && (free.isEmpty() || cmdSn - maxCmdSn > 0)) {
                try {
                    windowOpen.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IscsiException("interrupted waiting for the command window", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            task = free.poll();
            sn = cmdSn++;
            generation++;
            task.prepare(generation << SLOT_BITS | task.slot, lun,
                    dataOut == null ? null : dataOut.slice(), dataIn == null ? null : dataIn.slice());
        } finally {
            window.unlock();
        }
        sendCommand(task, sn, cdb);
        return task;
    }

    /** Submits and waits; returns the result whatever the status. */
    public ScsiResult execute(int lun, byte[] cdb, ByteBuffer dataOut, ByteBuffer dataIn) throws IOException {
        return submit(lun, cdb, dataOut, dataIn).await();
    }

    private void sendCommand(ScsiTask task, int sn, byte[] cdb) throws IOException {
        ByteBuffer h = task.header;
        int edtl = task.dataOut != null ? task.dataOut.remaining() : task.dataIn != null ? task.dataIn.remaining() : 0;
        int immediate = 0;
        int unsolicited = 0;
        if (task.dataOut != null) {
            int burst = Math.min(parameters.firstBurstLength(), edtl);
            immediate = parameters.immediateData() ? Math.min(burst, parameters.targetMaxRecvDataSegmentLength()) : 0;
            unsolicited = parameters.initialR2t() ? 0 : burst - immediate;
        }
        int flags = (unsolicited == 0 ? Bhs.FINAL : 0) | ATTR_SIMPLE
                | (task.dataOut != null ? WRITE : 0) | (task.dataIn != null ? READ : 0);
        Bhs.start(h, Opcode.SCSI_COMMAND, false, flags);
        Bhs.lun(h, task.lun);
        h.putInt(Bhs.ITT_OFFSET, task.itt);
        h.putInt(Bhs.WORD20_OFFSET, edtl);
        h.putInt(Bhs.WORD24_OFFSET, sn);
        h.putInt(Bhs.WORD28_OFFSET, expStatSn);
        h.put(Bhs.CDB_OFFSET, cdb);
        channel.sendLock().lock();
        try {
            channel.sendLocked(h, immediate == 0 ? null : task.dataOut.slice(0, immediate));
            if (unsolicited > 0) {
                sendDataOut(task, Bhs.RESERVED_TAG, immediate, unsolicited);
            }
        } catch (IOException e) {
            failAll(new IscsiException("send failed", e));
            throw e;
        } finally {
            channel.sendLock().unlock();
        }
    }

    /**
     * Sends {@code length} bytes of the task's Data-Out from {@code offset} as one sequence of Data-Out PDUs no
     * larger than the target's MaxRecvDataSegmentLength, DataSN from 0, F on the last; up to
     * {@link #BATCH_PDUS} PDUs go out in one gathering write. Caller holds the send lock (which guards the batch).
     */
    void sendDataOut(ScsiTask task, int ttt, int offset, int length) throws IOException {
        int max = parameters.targetMaxRecvDataSegmentLength();
        int dataSn = 0;
        int done = 0;
        while (done < length) {
            int count = 0;
            long bytes = 0;
            for (int pdu = 0; pdu < BATCH_PDUS && done < length; pdu++, dataSn++) {
                int n = Math.min(max, length - done);
                ByteBuffer h = batchHeaders[pdu].clear();
                Bhs.start(h, Opcode.DATA_OUT, false, done + n == length ? Bhs.FINAL : 0);
                Bhs.lun(h, task.lun);
                Bhs.dataSegmentLength(h, n);
                h.putInt(Bhs.ITT_OFFSET, task.itt);
                h.putInt(Bhs.WORD20_OFFSET, ttt);
                h.putInt(Bhs.WORD28_OFFSET, expStatSn);
                h.putInt(Bhs.DATA_SN_OFFSET, dataSn);
                h.putInt(Bhs.BUFFER_OFFSET_OFFSET, offset + done);
                batch[count++] = h;
                batch[count++] = task.dataOut.slice(offset + done, n);
                if (Bhs.padding(n) > 0) {
                    batch[count++] = PAD.slice(0, Bhs.padding(n));
                }
                bytes += Bhs.LENGTH + n + Bhs.padding(n);
                done += n;
            }
            channel.writeLocked(batch, count, bytes);
        }
    }

    /** The in-flight task with this tag, or null. */
    ScsiTask task(int itt) {
        ScsiTask t = tasks[itt & (tasks.length - 1)];
        return t != null && t.itt == itt ? t : null;
    }

    void release(ScsiTask task) {
        window.lock();
        try {
            task.itt = 0;
            free.push(task);
            windowOpen.signalAll();
        } finally {
            window.unlock();
        }
    }

    /** Applies ExpCmdSN/MaxCmdSN from a response, ignoring stale or invalid pairs (RFC 7143 4.2.2.1). */
    void updateWindow(int newExpCmdSn, int newMaxCmdSn) {
        if (newMaxCmdSn - (newExpCmdSn - 1) < 0) {
            return;
        }
        window.lock();
        try {
            if (newExpCmdSn - expCmdSn > 0) {
                expCmdSn = newExpCmdSn;
            }
            if (newMaxCmdSn - maxCmdSn > 0) {
                maxCmdSn = newMaxCmdSn;
                windowOpen.signalAll();
            }
        } finally {
            window.unlock();
        }
    }

    void statSn(int statSn) {
        expStatSn = statSn + 1;
    }

    int expStatSn() {
        return expStatSn;
    }

    int currentCmdSn() {
        window.lock();
        try {
            return cmdSn;
        } finally {
            window.unlock();
        }
    }

    boolean closing() {
        return closing;
    }

    void logoutResponded() {
        logoutResponse.countDown();
    }

    /** Fails every in-flight task and every later submit (connection lost or protocol error). */
    void failAll(RuntimeException e) {
        window.lock();
        try {
            if (failure == null) {
                failure = e;
            }
            windowOpen.signalAll();
        } finally {
            window.unlock();
        }
        for (ScsiTask t : tasks) {
            if (t != null) {
                t.fail(e);
            }
        }
    }

    /** Logout (reason: close the session), waits up to 5 s for the response, closes the connection. */
    @Override
    public void close() throws IOException {
        if (closing) {
            return;
        }
        closing = true;
        try {
            if (failure == null) {
                Bhs.start(logoutHeader, Opcode.LOGOUT_REQUEST, true, Bhs.FINAL);
                logoutHeader.putInt(Bhs.ITT_OFFSET, LOGOUT_ITT);
                logoutHeader.putInt(Bhs.WORD24_OFFSET, currentCmdSn());
                logoutHeader.putInt(Bhs.WORD28_OFFSET, expStatSn);
                channel.send(logoutHeader, null);
                if (!logoutResponse.await(5, TimeUnit.SECONDS)) {
                    LOG.warn("no Logout Response from {} in 5 s", config.targetName());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            channel.close();
            try {
                receiverThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
