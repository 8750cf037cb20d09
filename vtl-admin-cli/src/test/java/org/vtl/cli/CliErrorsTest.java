package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad arguments, a missing daemon and a wrong token: one line on stderr, the right exit code, no stack trace. */
class CliErrorsTest {

    @TempDir
    Path dir;

    private static void assertOneCleanLine(TestDaemon.Result r) {
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vtl: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "partition create", "partition frobnicate", "cartridge create --partition a",
            "cartridge write-protect A00L9 maybe", "drive remove --partition a --drive x", "job show abc",
            "capacity plan --base lots", "pool replace-member --member 1", "serve --admin-port 70000"})
    void usageErrorsExitWithTwoAndOneLine(String args) {
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, args.split(" "));
        assertEquals(2, r.exit(), r.err());
        assertOneCleanLine(r);
        assertTrue(r.err().endsWith("--help)\n"), r.err());
    }

    @Test
    void missingDaemonIsRefusedNamingTheDataDirectory() {
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "--data", dir.toString(), "status");
        assertEquals(1, r.exit());
        assertOneCleanLine(r);
        assertEquals("vtl: no appliance is running on data directory " + dir + " (no admin.url); start one with: vtl "
                + "serve --data " + dir + ", or pass --url and --token-file\n", r.err());
    }

    @Test
    void daemonThatIsGoneIsRefusedWithConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("admin.url"), "http://127.0.0.1:" + port + "/\n");
        Files.writeString(dir.resolve("admin.token"), "t\n");
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "--data", dir.toString(), "partition", "list");
        assertEquals(1, r.exit());
        assertOneCleanLine(r);
        assertEquals("vtl: cannot reach the appliance at http://127.0.0.1:" + port + "/: connection refused; is vtl "
                + "serve running?\n", r.err());
    }

    @Test
    void wrongTokenIsRefusedNamingTheTokenFile() throws Exception {
        try (TestDaemon daemon = new TestDaemon(dir)) {
            Path wrong = Files.writeString(dir.resolve("wrong.token"), "not-the-token\n");
            TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "--url", daemon.url(), "--token-file", wrong.toString(),
                    "partition", "list");
            assertEquals(1, r.exit());
            assertOneCleanLine(r);
            assertEquals("vtl: the appliance at " + daemon.url() + " refused the token in " + wrong
                    + "; use the token file of the data directory the daemon runs on\n", r.err());
        }
    }

    @Test
    void missingTokenFileIsRefused() {
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "--url", "http://127.0.0.1:1/", "--token-file",
                dir.resolve("none").toString(), "status");
        assertEquals(1, r.exit());
        assertOneCleanLine(r);
    }

    @Test
    void everyRefusalOfTheApiIsOneCleanLine() throws Exception {
        try (TestDaemon daemon = new TestDaemon(dir)) {
            List<String[]> refused = new ArrayList<>();
            refused.add(new String[] {"partition", "show", "nope"});
            refused.add(new String[] {"partition", "create", "UPPER"});
            refused.add(new String[] {"cartridge", "show", "NOPE"});
            refused.add(new String[] {"cartridge", "create", "--partition", "nope", "--barcodes", "A0L9"});
            refused.add(new String[] {"job", "cancel", "7"});
            refused.add(new String[] {"capacity", "plan", "--base", "1TB", "--compression-ratio", "0.5"});
            for (String[] args : refused) {
                TestDaemon.Result r = daemon.run(args);
                assertEquals(1, r.exit(), String.join(" ", args) + ": " + r.err());
                assertOneCleanLine(r);
            }
        }
    }

    @Test
    void helpOfASubcommandPrintsItsUsage() {
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "help", "cartridge");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: vtl cartridge"), r.out());
        assertTrue(r.out().contains("write-protect"), r.out());
    }

    @Test
    void completionScriptIsGeneratedByPicocli() {
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "generate-completion");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("complete -F _complete_vtl"), r.out().substring(0, 200));
        assertTrue(r.out().contains("write-protect"));
    }
}
