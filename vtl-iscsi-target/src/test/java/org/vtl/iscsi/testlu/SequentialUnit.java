package org.vtl.iscsi.testlu;

import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiCommand;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.TaskManagementFunction;
import org.vtl.scsi.TaskManagementResponse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small sequential logical unit for tests: INQUIRY (as a tape drive or a changer), TEST UNIT READY,
 * REQUEST SENSE, READ BLOCK LIMITS, MODE SENSE(6), READ(6)/WRITE(6) of variable-length records kept in
 * memory, REWIND. Commands run in order on one thread; a gate can hold them to test task management.
 */
public final class SequentialUnit implements LogicalUnit {

    private final int deviceType;
    private final String product;
    private final ExecutorService executor;
    private final List<byte[]> records = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> opcodes = Collections.synchronizedList(new ArrayList<>());
    private volatile int position;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile long delayMillis;
    private final List<Payload> heldPayloads = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean holdPayloads;
    private final List<CompletableFuture<ScsiResponse>> pending = Collections.synchronizedList(new ArrayList<>());

    public SequentialUnit(int deviceType, String product) {
        this.deviceType = deviceType;
        this.product = product;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-lu-" + product);
            t.setDaemon(true);
            return t;
        });
    }

    public static SequentialUnit tape() {
        return new SequentialUnit(0x01, "TEST TAPE");
    }

    public static SequentialUnit changer() {
        return new SequentialUnit(0x08, "TEST CHANGER");
    }

    /** Commands wait until {@link #open()}. */
    public void close() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    /** Keep written payloads unreleased until {@link #releaseHeld()} (a slow engine). */
    public void holdPayloads(boolean hold) {
        holdPayloads = hold;
    }

    public void releaseHeld() {
        List<Payload> copy;
        synchronized (heldPayloads) {
            copy = new ArrayList<>(heldPayloads);
            heldPayloads.clear();
        }
        copy.forEach(Payload::release);
    }

    public List<byte[]> records() {
        return records;
    }

    public List<String> log() {
        return log;
    }

    public List<Integer> opcodes() {
        return opcodes;
    }

    @Override
    public int peripheralDeviceType() {
        return deviceType;
    }

    @Override
    public CompletionStage<ScsiResponse> execute(ScsiCommand command) {
        CompletableFuture<ScsiResponse> result = new CompletableFuture<>();
        pending.add(result);
        executor.execute(() -> {
            try {
                gate.await(20, TimeUnit.SECONDS);
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                if (!result.isDone()) {
                    opcodes.add(command.opcode());
                    result.complete(run(command));
                } else {
                    command.dataOut().release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.complete(ScsiResponse.status(ScsiStatus.BUSY));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                pending.remove(result);
            }
        });
        return result;
    }

    private ScsiResponse run(ScsiCommand command) {
        byte[] cdb = command.cdb();
        log.add(String.format("%02x", command.opcode()));
        return switch (command.opcode()) {
            case 0x00 -> ScsiResponse.good();
            case 0x01 -> {
                position = 0;
                yield ScsiResponse.good();
            }
            case 0x03 -> ScsiResponse.good(bytes(new byte[18], 0x70, 18, cdb[4] & 0xff));
            case 0x05 -> ScsiResponse.good(Payload.of(direct(new byte[]{0, 0, 0x10, 0, 0, 1}))); // 1 MiB max
            case 0x08 -> read(cdb);
            case 0x0a -> write(command);
            case 0x12 -> inquiry(cdb);
            case 0x1a -> ScsiResponse.good(Payload.of(direct(new byte[]{3, 0, 0x10, 0})));
            default -> ScsiResponse.checkCondition(sense(0x05, 0x20, 0x00));
        };
    }

    private ScsiResponse inquiry(byte[] cdb) {
        int allocation = (cdb[3] & 0xff) << 8 | (cdb[4] & 0xff);
        if ((cdb[1] & 1) != 0) {
            int page = cdb[2] & 0xff;
            if (page == 0x00) {
                return ScsiResponse.good(trim(new byte[]{(byte) deviceType, 0, 0, 2, 0, (byte) 0x80}, allocation));
            }
            if (page == 0x80) {
                byte[] p = new byte[14];
                p[0] = (byte) deviceType;
                p[1] = (byte) 0x80;
                p[3] = 10;
                System.arraycopy("SN00000001".getBytes(StandardCharsets.US_ASCII), 0, p, 4, 10);
                return ScsiResponse.good(trim(p, allocation));
            }
            return ScsiResponse.checkCondition(sense(0x05, 0x24, 0x00));
        }
        byte[] d = new byte[36];
        d[0] = (byte) deviceType;
        d[1] = (byte) 0x80;
        d[2] = 0x06;
        d[3] = 0x02;
        d[4] = 31;
        copy("VTLTEST ", d, 8);
        copy(String.format("%-16s", product), d, 16);
        copy("0001", d, 32);
        return ScsiResponse.good(trim(d, allocation));
    }

    private ScsiResponse read(byte[] cdb) {
        int length = (cdb[2] & 0xff) << 16 | (cdb[3] & 0xff) << 8 | (cdb[4] & 0xff);
        if (position >= records.size()) {
            // FILEMARK/EOD: NO SENSE with EOM, BLANK CHECK end-of-data (08h/00h/05h).
            return ScsiResponse.checkCondition(sense(0x08, 0x00, 0x05));
        }
        byte[] record = records.get(position++);
        return ScsiResponse.good(Payload.of(direct(record.length > length ? java.util.Arrays.copyOf(record, length)
                : record)));
    }

    private ScsiResponse write(ScsiCommand command) {
        Payload data = command.dataOut();
        byte[] record = data.toByteArray();
        for (ByteBuffer b : data.buffers()) {
            if (!b.isDirect()) {
                throw new IllegalStateException("payload not direct");
            }
        }
        if (holdPayloads) {
            heldPayloads.add(data);
        } else {
            data.release();
        }
        records.add(record);
        position = records.size();
        return ScsiResponse.good();
    }

    @Override
    public CompletionStage<TaskManagementResponse> manageTask(TaskManagementFunction function, Nexus nexus,
                                                              long taskTag) {
        log.add("tmf " + function);
        List<CompletableFuture<ScsiResponse>> copy;
        synchronized (pending) {
            copy = new ArrayList<>(pending);
        }
        for (CompletableFuture<ScsiResponse> f : copy) {
            f.complete(ScsiResponse.status(ScsiStatus.TASK_ABORTED));
        }
        if (function == TaskManagementFunction.LOGICAL_UNIT_RESET) {
            position = 0;
        }
        return CompletableFuture.completedFuture(TaskManagementResponse.FUNCTION_COMPLETE);
    }

    @Override
    public void nexusLost(Nexus nexus) {
        log.add("nexusLost " + nexus.initiatorPort());
    }

    public static byte[] sense(int key, int asc, int ascq) {
        byte[] s = new byte[18];
        s[0] = 0x70;
        s[2] = (byte) key;
        s[7] = 10;
        s[12] = (byte) asc;
        s[13] = (byte) ascq;
        return s;
    }

    private static Payload bytes(byte[] b, int first, int length, int allocation) {
        b[0] = (byte) first;
        b[7] = (byte) (length - 8);
        return trim(b, allocation);
    }

    private static Payload trim(byte[] b, int allocation) {
        return Payload.of(direct(java.util.Arrays.copyOf(b, Math.min(b.length, allocation))));
    }

    private static ByteBuffer direct(byte[] b) {
        ByteBuffer d = ByteBuffer.allocateDirect(b.length);
        d.put(b).flip();
        return d;
    }

    private static void copy(String s, byte[] d, int at) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, d, at, b.length);
    }
}
