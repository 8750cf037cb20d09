package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.appliance.Appliance;
import org.vtl.appliance.ApplianceTestConfig;

/**
 * {@code iscsi.maxSessions} on the real daemon: a login beyond it is refused with status class 03h detail 02h, Out of
 * resources (RFC 7143 11.13.5; 02h/06h Too many connections is for the connections of one session).
 */
class SessionLimitTest {

    private static final String DEFAULT = "iqn.2026-11.org.vtl:default";

    @TempDir
    Path dir;

    @Test
    void aLoginBeyondMaxSessionsIsRefusedOutOfResources() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.withMaxSessions(dir.resolve("d"), 1));
             RawLogin first = RawLogin.normal(running.portals().get(0), DEFAULT)) {
            IOException refused = assertThrows(IOException.class,
                    () -> RawLogin.normal(running.portals().get(0), DEFAULT).close());
            assertEquals("login refused: status 3/2", refused.getMessage());
        }
    }

    @Test
    void sessionsUpToMaxSessionsAreAccepted() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.withMaxSessions(dir.resolve("d"), 2));
             RawLogin first = RawLogin.normal(running.portals().get(0), DEFAULT);
             RawLogin second = RawLogin.normal(running.portals().get(0), DEFAULT)) {
            TestDaemon.Result show = TestDaemon.cli(Terminal.NONE, "--data", dir.resolve("d").toString(), "partition",
                    "show", "default", "--json");
            assertEquals(2, org.vtl.admin.Json.MAPPER.readTree(show.out()).path("sessions").asInt(), show.err());
        }
    }

    @Test
    void aSessionThatLoggedOutFreesItsPlace() throws Exception {
        try (Appliance running = Appliance.start(ApplianceTestConfig.withMaxSessions(dir.resolve("d"), 1))) {
            RawLogin.normal(running.portals().get(0), DEFAULT).close();
            RawLogin again = null;
            for (int attempt = 0; attempt < 50 && again == null; attempt++) { // the target sees the close soon
                try {
                    again = RawLogin.normal(running.portals().get(0), DEFAULT);
                } catch (IOException stillCounted) {
                    Thread.sleep(100);
                }
            }
            org.junit.jupiter.api.Assertions.assertNotNull(again, "a login after the only session closed is accepted");
            again.close();
        }
    }
}
