package org.vtl.iscsi.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * QEMU's libiscsi block driver (Debian qemu-system-x86) opens two tape LUNs of this target: one session per
 * LUN from the same initiator name, as QEMU does. No guest runs; QEMU logs in, probes each LUN (TEST UNIT
 * READY, INQUIRY, VPD, MODE SENSE) and logs out on quit.
 */
class QemuInteropIT {

    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private TargetFixture fixture;

    @BeforeAll
    static void qemuPresent() {
        assumeTrue(Files.isExecutable(QEMU),
                "qemu-system-x86 is not installed (apt-get install qemu-system-x86): skipping QEMU interop test");
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void qemuOpensOneSessionPerTapeLun() throws Exception {
        fixture = new TargetFixture();
        String portal = "iscsi://127.0.0.1:" + fixture.server.localAddress().getPort() + "/" + TargetFixture.OPEN;
        Process qemu = new ProcessBuilder(QEMU.toString(), "-nodefaults", "-display", "none", "-machine", "none",
                "-monitor", "stdio",
                "-drive", "file=" + portal + "/1,if=none,id=tape1,format=raw,readonly=on",
                "-drive", "file=" + portal + "/2,if=none,id=tape2,format=raw,readonly=on")
                .redirectErrorStream(true).start();
        try (OutputStream monitor = qemu.getOutputStream()) {
            monitor.write("info block\n".getBytes(StandardCharsets.US_ASCII));
            monitor.flush();
            long deadline = System.currentTimeMillis() + 15_000;
            while (fixture.server.sessionCount() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(2, fixture.server.sessionCount(), "one session per LUN");
            monitor.write("quit\n".getBytes(StandardCharsets.US_ASCII));
            monitor.flush();
        }
        assertTrue(qemu.waitFor(20, TimeUnit.SECONDS), "QEMU quits");
        String out = new String(qemu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, qemu.exitValue(), out);
        assertTrue(out.contains("\"lun\": \"1\"") && out.contains("\"lun\": \"2\""), out);
        assertTrue(fixture.tape.opcodes().contains(0x12), "INQUIRY reached LUN 1");
        assertTrue(fixture.tape2.opcodes().contains(0x12), "INQUIRY reached LUN 2");
    }
}
