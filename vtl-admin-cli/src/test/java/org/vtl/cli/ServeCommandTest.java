package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.admin.Json;
import org.vtl.appliance.Appliance;
import org.vtl.config.ConfigLoader;

/** {@code vtl serve} refusals (one line, exit code 1, no stack trace) and the CLI against the real daemon. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private static void assertCleanRefusal(TestDaemon.Result r) {
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("vtl: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void takenPortIsOneLineAndExitCodeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "serve", "--data", dir.resolve("d").toString(),
                    "--admin-port", Integer.toString(taken.getLocalPort()));
            assertCleanRefusal(r);
            assertEquals("vtl: admin API cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in "
                    + "use; stop what uses it or set admin.port in the configuration\n", r.err());
        }
    }

    @Test
    void dataDirectoryInUseIsOneLineAndExitCodeOne() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(org.vtl.appliance.ApplianceTestConfig.small(data))) {
            TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "serve", "--data", data.toString(), "--admin-port", "0");
            assertCleanRefusal(r);
            assertTrue(r.err().contains("is in use by another vtl serve"), r.err());
            assertEquals(1, r.err().lines().count());
        }
    }

    @Test
    void unwritableDataDirectoryIsOneLineAndExitCodeOne() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "serve", "--data", file.resolve("d").toString(),
                "--admin-port", "0");
        assertCleanRefusal(r);
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void badConfigFileReportsEveryErrorOnItsOwnLine() throws Exception {
        Path config = Files.writeString(dir.resolve("vtl.yaml"), "pool: {groups: 0}\ncolour: red\n");
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "serve", "--config", config.toString());
        assertCleanRefusal(r);
        assertEquals("vtl: " + config + ": colour: unknown key (known keys: dataDir, pool, compression, iscsi, "
                + "partitions, admin, metrics)\nvtl: " + config + ": pool.groups: must be between 1 and 64, was 0\n",
                r.err());
    }

    @Test
    void missingConfigFileIsOneLine() {
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "serve", "--config", dir.resolve("none.yaml").toString());
        assertCleanRefusal(r);
        assertEquals("vtl: " + dir.resolve("none.yaml") + ": cannot read the file: it does not exist\n", r.err());
    }

    @Test
    void statusThroughTheDataDirectoryShowsWhatTheRealDaemonServes() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(org.vtl.appliance.ApplianceTestConfig.small(data))) {
            TestDaemon.Result human = TestDaemon.cli(Terminal.NONE, "--data", data.toString(), "status");
            assertEquals(0, human.exit(), human.err());
            assertTrue(human.out().startsWith("appliance serving (version "), human.out());
            assertTrue(human.out().contains("iSCSI target        running  127.0.0.1:"), human.out());
            assertTrue(human.out().contains("\npool online: 0 B used of "), human.out());
            assertTrue(human.out().contains("\ndefault  iqn.2026-11.org.vtl:default  IBM_03584L32  2 x LTO9  24     4     20"),
                    human.out());
            JsonNode json = Json.MAPPER.readTree(TestDaemon.cli(Terminal.NONE, "--data", data.toString(), "status",
                    "--json").out());
            assertEquals("serving", json.path("health").path("status").asText());
            JsonShape.assertShape(json.path("pool"), org.vtl.admin.PoolView.class, "$.pool");
            assertEquals(1, json.path("partitions").size());
        }
    }

    @Test
    void poolCommandsOnTheRealDaemon() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(org.vtl.appliance.ApplianceTestConfig.small(data))) {
            TestDaemon.Result pool = TestDaemon.cli(Terminal.NONE, "--data", data.toString(), "pool", "status", "--json");
            assertEquals(0, pool.exit(), pool.err());
            JsonShape.assertShape(Json.MAPPER.readTree(pool.out()), org.vtl.admin.PoolView.class, "$");
            TestDaemon.Result add = TestDaemon.cli(Terminal.NONE, "--data", data.toString(), "pool", "add-group",
                    "--path", "/a", "--path", "/b", "--path", "/c", "--path", "/d", "--wait");
            assertCleanRefusal(add);
            assertEquals("vtl: job 1 failed: cannot add the group: a new group needs 6 members like the others, got 4\n",
                    add.err());
            TestDaemon.Result online = TestDaemon.cli(Terminal.NONE, "--data", data.toString(), "pool",
                    "replace-member", "--member", "1", "--path", dir.resolve("new.img").toString(), "--yes", "--wait");
            assertCleanRefusal(online);
            assertTrue(online.err().contains("only a failed member can be replaced"), online.err());
        }
    }

    @Test
    void scrubOfTheRealPoolRunsAsAJob() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(org.vtl.appliance.ApplianceTestConfig.small(data))) {
            TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "--data", data.toString(), "pool", "scrub", "--wait",
                    "--json");
            assertEquals(0, r.exit(), r.err());
            JsonNode job = Json.MAPPER.readTree(r.out());
            assertEquals("SUCCEEDED", job.path("state").asText());
            assertEquals(0, job.path("result").asLong());
        }
    }

    @Test
    void jobListOnTheRealDaemonIsEmpty() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(org.vtl.appliance.ApplianceTestConfig.small(data))) {
            TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, "--data", data.toString(), "job", "list", "--json");
            assertEquals(0, r.exit(), r.err());
            assertEquals("[ ]\n", r.out());
        }
    }
}
