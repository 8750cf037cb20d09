package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.admin.Json;
import org.vtl.appliance.Appliance;
import org.vtl.appliance.ApplianceTestConfig;

/** Capacity expansion and member replacement on the real pool, kept across restarts by the catalog. */
class PoolLayoutTest {

    @TempDir
    Path dir;

    private JsonNode json(Path data, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        TestDaemon.Result r = TestDaemon.cli(Terminal.NONE, all.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void addGroupGrowsThePoolAndSurvivesARestart() throws Exception {
        Path data = dir.resolve("d");
        long before;
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data))) {
            before = json(data, "pool", "status", "--json").path("capacityBytes").asLong();
            List<String> args = new ArrayList<>(List.of("pool", "add-group"));
            for (int i = 0; i < 6; i++) {
                args.add("--path");
                args.add(dir.resolve("g1-" + i + ".img").toString());
            }
            args.addAll(List.of("--wait", "--json"));
            assertEquals("SUCCEEDED", json(data, args.toArray(String[]::new)).path("state").asText());
            assertEquals(2 * before, json(data, "pool", "status", "--json").path("capacityBytes").asLong());
        }
        try (Appliance restarted = Appliance.start(ApplianceTestConfig.small(data))) {
            JsonNode pool = json(data, "pool", "status", "--json");
            assertEquals(2, pool.path("groups").size());
            assertEquals("online", pool.path("state").asText());
            assertEquals(2 * before, pool.path("capacityBytes").asLong());
        }
    }

    @Test
    void failedMemberIsReplacedRebuiltAndRemembered() throws Exception {
        Path data = dir.resolve("d");
        Appliance.start(ApplianceTestConfig.small(data)).close();
        Files.delete(data.resolve("pool").resolve("member-2.img"));
        Path replacement = dir.resolve("spare.img");
        try (Appliance degraded = Appliance.start(ApplianceTestConfig.small(data))) {
            JsonNode pool = json(data, "pool", "status", "--json");
            assertEquals("degraded", pool.path("state").asText());
            assertEquals("failed", pool.path("groups").get(0).path("members").get(2).path("state").asText());
            JsonNode job = json(data, "pool", "replace-member", "--member", "2", "--path", replacement.toString(),
                    "--yes", "--wait", "--json");
            assertEquals("SUCCEEDED", job.path("state").asText());
            assertEquals("online", json(data, "pool", "status", "--json").path("state").asText());
        }
        try (Appliance restarted = Appliance.start(ApplianceTestConfig.small(data))) {
            JsonNode pool = json(data, "pool", "status", "--json");
            assertEquals("online", pool.path("state").asText());
            assertEquals(replacement.toString(), pool.path("groups").get(0).path("members").get(2).path("path").asText());
        }
    }

    @Test
    void addGroupWhoseFormatFailsLeavesNothingBehind() throws Exception {
        Path data = dir.resolve("d");
        try (Appliance running = Appliance.start(ApplianceTestConfig.small(data))) {
            List<String> args = new ArrayList<>(List.of("pool", "add-group"));
            for (int i = 0; i < 5; i++) {
                args.add("--path");
                args.add(dir.resolve("g1-" + i + ".img").toString());
            }
            args.addAll(List.of("--path", dir.resolve("missing").resolve("g1-5.img").toString(), "--wait"));
            TestDaemon.Result add = TestDaemon.cli(Terminal.NONE, prefixed(data, args));
            assertEquals(1, add.exit());
            assertTrue(add.err().startsWith("vtl: job 1 failed: cannot add the group: "), add.err());
            for (int i = 0; i < 5; i++) {
                assertFalse(Files.exists(dir.resolve("g1-" + i + ".img")), "member file " + i + " was deleted");
            }
            assertEquals(1, json(data, "pool", "status", "--json").path("groups").size());
        }
        try (Appliance restarted = Appliance.start(ApplianceTestConfig.small(data))) {
            JsonNode pool = json(data, "pool", "status", "--json");
            assertEquals(1, pool.path("groups").size(), "nothing was recorded");
            assertEquals("online", pool.path("state").asText());
        }
    }

    private static String[] prefixed(Path data, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(args);
        return all.toArray(String[]::new);
    }
}
