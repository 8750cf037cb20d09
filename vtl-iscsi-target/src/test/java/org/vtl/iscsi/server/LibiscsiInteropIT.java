package org.vtl.iscsi.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtl.iscsi.login.DigestPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real initiators against this target on 127.0.0.1: libiscsi's command-line tools (Debian libiscsi-bin, listed
 * in .ci/packages.d/iscsi.txt). Skipped with a message where the tools are not installed.
 */
class LibiscsiInteropIT {

    private TargetFixture fixture;

    @BeforeAll
    static void toolsPresent() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/iscsi-ls"))
                        && Files.isExecutable(Path.of("/usr/bin/iscsi-inq")),
                "libiscsi-bin is not installed (apt-get install libiscsi-bin): skipping libiscsi interop tests");
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private String url(String target, int lun) {
        return "iscsi://127.0.0.1:" + fixture.server.localAddress().getPort() + "/" + target + "/" + lun;
    }

    @Test
    void iscsiLsDiscoversTheTargetAndItsLunTypes() throws Exception {
        fixture = new TargetFixture(TargetFixture.config(), true);
        int port = fixture.server.localAddress().getPort();
        Run r = run(Map.of(), "iscsi-ls", "-s", "iscsi://127.0.0.1:" + port);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Target:" + TargetFixture.OPEN + " Portal:127.0.0.1:" + port + ",1"),
                r.output());
        assertTrue(r.output().contains("Lun:0    Type:MEDIA_CHANGER"), r.output());
        assertTrue(r.output().contains("Lun:1    Type:SEQUENTIAL_ACCESS"), r.output());
        assertTrue(r.output().contains("Lun:2    Type:SEQUENTIAL_ACCESS"), r.output());
    }

    @Test
    void iscsiInqReadsStandardAndVpdInquiryOfTapeAndChanger() throws Exception {
        fixture = new TargetFixture();
        Run tape = run(Map.of(), "iscsi-inq", url(TargetFixture.OPEN, 1));
        assertEquals(0, tape.exit(), tape.output());
        assertTrue(tape.output().contains("Peripheral Device Type:SEQUENTIAL_ACCESS"), tape.output());
        assertTrue(tape.output().contains("Product:TEST TAPE"), tape.output());
        Run changer = run(Map.of(), "iscsi-inq", "-e", "1", "-c", "0x80", url(TargetFixture.OPEN, 0));
        assertEquals(0, changer.exit(), changer.output());
        assertTrue(changer.output().contains("Page:0x80 UNIT_SERIAL_NUMBER"), changer.output());
    }

    @Test
    void headerDigestsWorkWithLibiscsi() throws Exception {
        fixture = new TargetFixture(TargetFixture.config().withDigests(DigestPolicy.REQUIRED, DigestPolicy.OPTIONAL));
        Run r = run(Map.of(), "iscsi-inq", url(TargetFixture.OPEN, 2));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("SEQUENTIAL_ACCESS"), r.output());
    }

    @Test
    void oneWayAndMutualChapWorkAndAWrongSecretIsRefused() throws Exception {
        fixture = new TargetFixture();
        Map<String, String> chap = Map.of("LIBISCSI_CHAP_USERNAME", "initiator",
                "LIBISCSI_CHAP_PASSWORD", "initiator-secret");
        assertEquals(0, run(chap, "iscsi-inq", url(TargetFixture.CHAP, 0)).exit());
        Map<String, String> mutual = new java.util.HashMap<>(chap);
        mutual.put("LIBISCSI_CHAP_TARGET_USERNAME", "target");
        mutual.put("LIBISCSI_CHAP_TARGET_PASSWORD", "target-secret-1");
        Run m = run(mutual, "iscsi-inq", url(TargetFixture.MUTUAL, 1));
        assertEquals(0, m.exit(), m.output());
        Run bad = run(Map.of("LIBISCSI_CHAP_USERNAME", "initiator", "LIBISCSI_CHAP_PASSWORD", "wrong-secret-xx"),
                "iscsi-inq", url(TargetFixture.CHAP, 0));
        assertTrue(bad.output().contains("Authentication failure"), bad.output());
        Run none = run(Map.of(), "iscsi-inq", url(TargetFixture.CHAP, 0));
        assertNotEquals(0, none.exit() == 0 && none.output().contains("Peripheral") ? 0 : 1, none.output());
    }

    @Test
    void severalLibiscsiSessionsAtOnce() throws Exception {
        fixture = new TargetFixture();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(new ProcessBuilder("iscsi-inq", url(TargetFixture.OPEN, i % 3)).redirectErrorStream(true)
                    .start());
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("Peripheral Qualifier:CONNECTED"), out);
        }
    }
}
