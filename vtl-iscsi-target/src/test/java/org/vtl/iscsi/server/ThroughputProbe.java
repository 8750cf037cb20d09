package org.vtl.iscsi.server;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.vtl.iscsi.pdu.DataIn;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.R2t;
import org.vtl.iscsi.pdu.ScsiResponsePdu;
import org.vtl.iscsi.testlu.SinkUnit;

import java.util.Map;

/**
 * A manual loopback probe (not a test): one session, one command at a time, WRITE(6)/READ(6) of BLOCK bytes
 * against a unit that drops writes and reads from memory. Measures the target's per-byte path with the
 * raw-socket client in the same JVM. Arguments: block size in KiB (default 1024), MiB to move (default 512).
 */
public final class ThroughputProbe {

    private ThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        int block = (args.length > 0 ? Integer.parseInt(args[0]) : 1024) * 1024;
        long total = (args.length > 1 ? Long.parseLong(args[1]) : 512) << 20;
        TargetRegistry registry = new TargetRegistry();
        registry.put(TargetDefinition.open("iqn.2026-11.org.vtl:probe", Map.of(1L, new SinkUnit())));
        IscsiTargetConfig config = IscsiTargetConfig.defaults().withPortal("127.0.0.1", 0);
        try (IscsiTargetServer server = IscsiTargetServer.start(config, registry, new SimpleMeterRegistry());
             IscsiTestClient c = IscsiTestClient.connect(server.localAddress())) {
            var keys = IscsiTestClient.normalKeys("iqn.2026-11.org.vtl:probe");
            keys.put("MaxRecvDataSegmentLength", "262144");
            keys.put("MaxOutstandingR2T", "4");
            c.login(keys);
            byte[] data = new byte[block];
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                int tag = 1;
                for (long moved = 0; moved < total; moved += block) {
                    write(c, tag++, data);
                }
                double writeSecs = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                for (long moved = 0; moved < total; moved += block) {
                    read(c, tag++, block);
                }
                double readSecs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: block %d KiB, %d MiB: write %.0f MB/s, read %.0f MB/s%n", round,
                        block >> 10, total >> 20, total / writeSecs / 1e6, total / readSecs / 1e6);
            }
        }
    }

    private static void write(IscsiTestClient c, int tag, byte[] data) throws Exception {
        c.send(c.command(0xa1, IscsiTestClient.lun(1), tag, data.length, IscsiTestClient.write6(data.length),
                java.util.Arrays.copyOf(data, 65536)));
        int solicited = 65536;
        while (solicited < data.length) {
            R2t r2t = c.expect(R2t.class);
            c.send(IscsiTestClient.dataOut(true, IscsiTestClient.lun(1), tag, r2t.targetTransferTag(), 0,
                    r2t.bufferOffset(), data, r2t.bufferOffset(), r2t.desiredLength(), c.expStatSn));
            solicited += r2t.desiredLength();
        }
        c.expect(ScsiResponsePdu.class);
    }

    private static void read(IscsiTestClient c, int tag, int length) throws Exception {
        c.send(c.command(0xc1, IscsiTestClient.lun(1), tag, length, IscsiTestClient.read6(length), new byte[0]));
        while (true) {
            Pdu p = c.receive();
            if ((DataIn.decode(p).flags() & DataIn.STATUS) != 0) {
                return;
            }
        }
    }
}
