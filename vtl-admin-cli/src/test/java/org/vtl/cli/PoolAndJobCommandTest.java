package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.admin.CapacityPlan;
import org.vtl.admin.Json;
import org.vtl.admin.JobView;
import org.vtl.admin.PoolView;
import org.vtl.admin.StatsView;

class PoolAndJobCommandTest {

    @TempDir
    Path dir;
    TestDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = new TestDaemon(dir);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.pool.holdScrub = false;
        daemon.close();
    }

    private JsonNode json(TestDaemon.Result r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void poolStatusJsonHasThePoolShape() throws Exception {
        JsonNode pool = json(daemon.run("pool", "status", "--json"));
        JsonShape.assertShape(pool, PoolView.class, "$");
        assertEquals(6, pool.path("groups").get(0).path("members").size());
    }

    @Test
    void poolStatusTableListsEveryMember() {
        TestDaemon.Result r = daemon.run("pool", "status");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("pool online: 1.1 TB used of 70.4 TB"), r.out());
        assertEquals(8, r.out().lines().count());
    }

    @Test
    void addGroupWithWaitGrowsThePool() throws Exception {
        JsonNode job = json(daemon.run("pool", "add-group", "--path", "a", "--path", "b", "--path", "c", "--path", "d",
                "--size", "1GiB", "--wait", "--json"));
        assertEquals("SUCCEEDED", job.path("state").asText());
        assertEquals(2, json(daemon.run("pool", "status", "--json")).path("groups").size());
    }

    @Test
    void addGroupWithFewerThanFourMembersIsRefused() {
        TestDaemon.Result r = daemon.run("pool", "add-group", "--path", "a", "--path", "b");
        assertEquals(1, r.exit());
        assertEquals("vtl: a RAID-6 group needs at least 4 member paths, was 2\n", r.err());
    }

    @Test
    void replaceMemberNeedsConfirmationThenRebuilds() throws Exception {
        assertEquals(1, daemon.run("pool", "replace-member", "--member", "3", "--path", "new3").exit());
        JsonNode job = json(daemon.run("pool", "replace-member", "--member", "3", "--path", "new3", "--yes", "--wait",
                "--json"));
        assertEquals("pool-rebuild", job.path("kind").asText());
        JsonNode status = json(daemon.run("pool", "rebuild-status", "--json"));
        assertEquals(1, status.path("jobs").size());
        assertEquals("new3", json(daemon.run("pool", "status", "--json")).path("groups").get(0).path("members").get(3)
                .path("path").asText());
    }

    @Test
    void replaceOfAnUnknownMemberFailsItsJob() {
        TestDaemon.Result r = daemon.run("pool", "replace-member", "--member", "42", "--path", "x", "--yes", "--wait");
        assertEquals(1, r.exit());
        assertEquals("vtl: job 1 failed: the pool has no member 42; vtl pool status lists them\n", r.err());
    }

    @Test
    void scrubStartsAJobThatCanBeListedShownAndCancelled() throws Exception {
        daemon.pool.holdScrub = true;
        TestDaemon.Result started = daemon.run("pool", "scrub");
        assertEquals("job 1 started: scrub the pool (check P and Q of every stripe) (follow it with: vtl job show "
                + "--wait 1)\n", started.out());
        JsonNode list = json(daemon.run("job", "list", "--json"));
        JsonShape.assertShape(list, JsonShape.listOf(JobView.class), "$");
        assertEquals("RUNNING", list.get(0).path("state").asText());
        JsonNode shown = json(daemon.run("job", "show", "1", "--json"));
        assertEquals("pool-scrub", shown.path("kind").asText());
        assertEquals(0, daemon.run("job", "cancel", "1").exit());
        TestDaemon.Result waited = daemon.run("job", "show", "1", "--wait");
        assertEquals(1, waited.exit());
        assertEquals("vtl: job 1 was cancelled: scrub the pool (check P and Q of every stripe)\n", waited.err());
    }

    @Test
    void cancellingAFinishedJobIsRefused() {
        daemon.run("pool", "scrub", "--wait");
        TestDaemon.Result r = daemon.run("job", "cancel", "1");
        assertEquals(1, r.exit());
        assertEquals("vtl: job 1 has already finished (succeeded); nothing to cancel\n", r.err());
    }

    @Test
    void showingAnUnknownJobIsRefused() {
        TestDaemon.Result r = daemon.run("job", "show", "99");
        assertEquals(1, r.exit());
        assertEquals("vtl: no job 99; vtl job list shows the jobs of this daemon run\n", r.err());
    }

    @Test
    void progressOnATerminalIsABarRedrawnInPlace() throws Exception {
        daemon.pool.holdScrub = true;
        TestDaemon.Result[] result = new TestDaemon.Result[1];
        Thread cli = Thread.ofPlatform().start(() -> result[0] = daemon.runWith(
                new PartitionCommandTest.Answering("y"), "pool", "scrub", "--wait"));
        for (int i = 0; i < 3000 && daemon.jobs.list().isEmpty(); i++) {
            Thread.sleep(10);
        }
        daemon.pool.holdScrub = false;
        cli.join(30_000);
        TestDaemon.Result r = result[0];
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\r["), r.out());
        assertTrue(r.out().contains("100% 100/100 stripes"), r.out());
    }

    @Test
    void statsHaveTheStatsShape() throws Exception {
        JsonShape.assertShape(json(daemon.run("stats", "--json")), StatsView.class, "$");
    }

    @Test
    void statsShowOneTableForPartitionsAndOneForDrives() {
        TestDaemon.Result table = daemon.run("stats");
        assertEquals(0, table.exit(), table.err());
        assertEquals("""
                PARTITION  WRITTEN  READ    WRITE/s   READ/s  COMPRESSION
                backup2    5.0 GB   1.0 GB  300.0 MB  0 B     2.50:1

                PARTITION  DRIVE  WRITTEN  READ    STORED  BLOCKS W  BLOCKS R  WRITE/s   READ/s  COMPRESSION
                backup2    0      5.0 GB   1.0 GB  2.0 GB  19074     3815      300.0 MB  0 B     2.50:1
                """, table.out());
    }

    @Test
    void capacityPlanUsesThePoolsMeasuredRatioAndFreeSpace() throws Exception {
        JsonNode plan = json(daemon.run("capacity", "plan", "--base", "10TB", "--fulls", "4", "--incremental", "1TB",
                "--incrementals", "6", "--growth", "20", "--years", "3", "--json"));
        JsonShape.assertShape(plan, CapacityPlan.Answer.class, "$");
        assertEquals(110_592_000_000_000L, plan.path("nativeBytes").asLong());
        assertEquals("measured", plan.path("ratioSource").asText());
        assertEquals(44_236_800_000_000L, plan.path("storedBytes").asLong());
        assertTrue(plan.path("fits").asBoolean());
    }

    @Test
    void capacityPlanSaysWhatToAddWhenShort() {
        TestDaemon.Result r = daemon.run("capacity", "plan", "--base", "100TB", "--compression-ratio", "1.0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("short by "), r.out());
        assertTrue(r.out().contains("vtl pool add-group"), r.out());
    }
}
