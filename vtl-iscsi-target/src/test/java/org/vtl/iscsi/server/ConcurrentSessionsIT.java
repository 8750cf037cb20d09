package org.vtl.iscsi.server;

import org.junit.jupiter.api.Test;
import org.vtl.iscsi.pdu.R2t;
import org.vtl.iscsi.pdu.ScsiResponsePdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vtl.iscsi.server.IscsiTestClient.lun;

/**
 * Several sessions at once, two per tape LUN, each writing records of random sizes through immediate data and
 * R2Ts on the server's two I/O threads: every record arrives intact, and each session's records reach its
 * logical unit in the order it sent them.
 */
class ConcurrentSessionsIT {

    private static final int SESSIONS = 4;
    private static final int RECORDS = 25;

    @Test
    void concurrentSessionsWriteIntactRecordsInOrderPerLun() throws Exception {
        try (TargetFixture fixture = new TargetFixture()) {
            ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                int session = s;
                results.add(pool.submit(() -> writeRecords(fixture, session)));
            }
            List<List<byte[]>> sent = new ArrayList<>();
            for (Future<List<byte[]>> f : results) {
                sent.add(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            for (int s = 0; s < SESSIONS; s++) {
                List<byte[]> onLun = (s % 2 == 0 ? fixture.tape : fixture.tape2).records();
                List<byte[]> mine = new ArrayList<>();
                synchronized (onLun) {
                    for (byte[] r : onLun) {
                        if (r.length > 0 && r[0] == (byte) s) {
                            mine.add(r);
                        }
                    }
                }
                assertEquals(RECORDS, mine.size(), "records of session " + s);
                for (int i = 0; i < RECORDS; i++) {
                    assertArrayEquals(sent.get(s).get(i), mine.get(i), "session " + s + " record " + i);
                }
            }
        }
    }

    private static List<byte[]> writeRecords(TargetFixture fixture, int session) throws Exception {
        Random random = new Random(session);
        List<byte[]> records = new ArrayList<>();
        try (IscsiTestClient c = fixture.connect()) {
            c.isid = 0x8000_0000_1000L + session;
            c.login(IscsiTestClient.normalKeys(TargetFixture.OPEN));
            long lun = lun(1 + session % 2);
            for (int i = 0; i < RECORDS; i++) {
                byte[] data = new byte[1 + random.nextInt(200_000)];
                random.nextBytes(data);
                data[0] = (byte) session;
                records.add(data);
                int immediate = Math.min(data.length, 8192);
                c.send(c.command(0xa1, lun, i + 1, data.length, IscsiTestClient.write6(data.length),
                        Arrays.copyOf(data, immediate)));
                int solicited = immediate;
                while (solicited < data.length) {
                    R2t r2t = c.expect(R2t.class);
                    c.send(IscsiTestClient.dataOut(true, lun, i + 1, r2t.targetTransferTag(), 0, r2t.bufferOffset(),
                            data, r2t.bufferOffset(), r2t.desiredLength(), c.expStatSn));
                    solicited += r2t.desiredLength();
                }
                assertEquals(0, c.expect(ScsiResponsePdu.class).status());
            }
        }
        return records;
    }
}
