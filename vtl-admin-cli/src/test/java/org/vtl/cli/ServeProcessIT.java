package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.appliance.Appliance;
import org.vtl.config.ConfigLoader;

/** {@code vtl serve} as a real process: it logs one summary line and stops cleanly on SIGTERM. */
class ServeProcessIT {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheDaemonCleanlyAndReleasesTheDataDirectory() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("serve.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path config = Files.writeString(dir.resolve("vtl.yaml"),
                "pool: {members: {size: 64MiB}}\niscsi: {portals: [\"127.0.0.1:0\"]}\nadmin: {port: 0}\n");
        Process serve = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                VtlCommand.class.getName(), "serve", "--config", config.toString(), "--data", data.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path url = data.resolve("admin.url");
            for (int i = 0; i < 600 && !Files.exists(url) && serve.isAlive(); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(url), () -> "the daemon did not start: " + read(log));
            TestDaemon.Result status = TestDaemon.cli(Terminal.NONE, "--data", data.toString(), "status");
            assertEquals(0, status.exit(), status.err());
            Process second = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    VtlCommand.class.getName(), "serve", "--config", config.toString(), "--data", data.toString()))
                    .redirectErrorStream(true).start();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second daemon did not give up");
            String refused = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, second.exitValue(), refused);
            assertTrue(refused.contains("vtl: data directory " + data.toAbsolutePath() + " is in use by another vtl "
                    + "serve (pid " + serve.pid() + "); stop it first or use another --data directory"), refused);
            assertFalse(refused.contains("Exception"), refused);
            serve.destroy();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "the daemon did not stop on SIGTERM");
            assertEquals(143, serve.exitValue(), "128 + SIGTERM after the shutdown hook ran");
        } finally {
            serve.destroyForcibly();
        }
        String output = read(log);
        assertEquals(1, output.lines().filter(l -> l.contains("ServeCommand - vtl serving: ")).count(), output);
        assertTrue(output.contains("vtl stopped"), output);
        assertFalse(output.contains("Exception"), output);
        assertFalse(output.contains(" DEBUG "), output);
        assertFalse(Files.exists(data.resolve("admin.url")), "the address file is removed on shutdown");
        Appliance.start(org.vtl.appliance.ApplianceTestConfig.small(data)).close();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}
