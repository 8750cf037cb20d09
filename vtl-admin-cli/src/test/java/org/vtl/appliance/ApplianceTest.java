package org.vtl.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.admin.Json;
import org.vtl.config.AdminConfig;
import org.vtl.config.ApplianceConfig;
import org.vtl.config.ConfigLoader;
import org.vtl.config.MetricsConfig;

/** The daemon started and stopped in-process on a temporary data directory with a free admin port. */
class ApplianceTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The embedded default with small pool members (sparse anyway) on {@code data} and a free admin port. */
    static ApplianceConfig config(Path data) {
        try {
            return ConfigLoader.parse("pool: {members: {size: 64MiB}}\niscsi: {portals: [\"127.0.0.1:0\"]}\n", "test")
                    .withDataDir(data.toString()).withAdminPort(0);
        } catch (org.vtl.config.ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private HttpResponse<String> get(Appliance appliance, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(appliance.adminUri().resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(Path data) throws Exception {
        return Files.readString(data.resolve("admin.token")).strip();
    }

    @Test
    void startsServesHealthAndStopsCleanly() throws Exception {
        Path data = dir.resolve("data");
        Appliance appliance = Appliance.start(config(data));
        try {
            HttpResponse<String> health = get(appliance, "/health", token(data));
            assertEquals(200, health.statusCode());
            assertEquals("application/json", health.headers().firstValue("Content-Type").orElseThrow());
            JsonNode body = Json.MAPPER.readTree(health.body());
            assertEquals("serving", body.path("status").asText());
            assertEquals(data.toAbsolutePath().toString(), body.path("dataDir").asText());
            List<String> names = body.path("components").valueStream().map(c -> c.path("name").asText()).toList();
            assertEquals(List.of("data directory", "catalog", "pool", "compression engine", "partitions",
                    "iSCSI target", "admin API"), names);
            assertEquals("RUNNING", body.path("components").get(0).path("state").asText());
            assertEquals("RUNNING", body.path("components").get(1).path("state").asText());
            assertEquals("RUNNING", body.path("components").get(2).path("state").asText());
            assertEquals("RUNNING", body.path("components").get(3).path("state").asText());
            assertEquals("RUNNING", body.path("components").get(4).path("state").asText());
            assertEquals("RUNNING", body.path("components").get(5).path("state").asText());
            assertEquals(appliance.adminUri() + "\n", Files.readString(data.resolve("admin.url")));
        } finally {
            appliance.close();
        }
        assertFalse(Files.exists(data.resolve("admin.url")));
        assertThrows(java.net.ConnectException.class, () -> get(appliance, "/health", token(data)));
    }

    @Test
    void metricsAnswerPrometheusText() throws Exception {
        Path data = dir.resolve("data");
        try (Appliance appliance = Appliance.start(config(data))) {
            get(appliance, "/health", token(data));
            HttpResponse<String> metrics = get(appliance, "/metrics", token(data));
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            assertTrue(metrics.body().contains("vtl_component_up{component=\"admin API\"} 1.0"), metrics.body());
            assertTrue(metrics.body().contains("vtl_component_up{component=\"catalog\"} 1.0"), metrics.body());
            assertTrue(metrics.body().contains("vtl_component_up{component=\"iSCSI target\"} 1.0"), metrics.body());
            assertTrue(metrics.body().contains("vtl_component_up{component=\"pool\"} 1.0"), metrics.body());
            assertTrue(metrics.body().contains("vtl_admin_requests_total{method=\"GET\",status=\"200\"}"));
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
        }
    }

    @Test
    void metricsCanBeDisabled() throws Exception {
        Path data = dir.resolve("data");
        ApplianceConfig c = config(data);
        ApplianceConfig noMetrics = new ApplianceConfig(c.dataDir(), c.pool(), c.compression(), c.iscsi(),
                c.partitions(), c.admin(), new MetricsConfig(false, false));
        try (Appliance appliance = Appliance.start(noMetrics)) {
            HttpResponse<String> metrics = get(appliance, "/metrics", token(data));
            assertEquals(404, metrics.statusCode());
            assertTrue(metrics.body().contains("metrics are disabled"));
        }
    }

    @Test
    void wrongTokenIsRefusedWith401() throws Exception {
        Path data = dir.resolve("data");
        try (Appliance appliance = Appliance.start(config(data))) {
            HttpResponse<String> wrong = get(appliance, "/health", "not-the-token");
            assertEquals(401, wrong.statusCode());
            assertEquals("Bearer realm=\"vtl\"", wrong.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals("unauthorized", Json.MAPPER.readTree(wrong.body()).path("error").path("code").asText());
            assertEquals(401, get(appliance, "/metrics", "not-the-token").statusCode());
            assertEquals(401, get(appliance, "/api/v1/status", null).statusCode());
        }
    }

    @Test
    void tokenFileIsCreatedOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        Path data = dir.resolve("data");
        Appliance.start(config(data)).close();
        Path token = data.resolve("admin.token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        String first = token(data);
        assertTrue(first.length() >= 40, first);
        try (Appliance again = Appliance.start(config(data))) {
            assertEquals(first, token(data));
            assertEquals(200, get(again, "/health", first).statusCode());
        }
    }

    @Test
    void tokenFileReadableByOthersIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path token = Files.writeString(data.resolve("admin.token"), "t0ken\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        ApplianceException e = assertThrows(ApplianceException.class, () -> Appliance.start(config(data)));
        assertEquals("admin token file " + token.toAbsolutePath() + " is readable or writable by others (mode "
                + "rw-r--r--); run chmod 600 " + token.toAbsolutePath(), e.getMessage());
    }

    @Test
    void secondInstanceOnTheSameDataDirectoryIsRefused() throws Exception {
        Path data = dir.resolve("data");
        try (Appliance first = Appliance.start(config(data))) {
            ApplianceException e = assertThrows(ApplianceException.class, () -> Appliance.start(config(data)));
            assertEquals("data directory " + data.toAbsolutePath() + " is in use by another vtl serve (pid "
                    + ProcessHandle.current().pid() + "); stop it first or use another --data directory",
                    e.getMessage());
            assertEquals(200, get(first, "/health", token(data)).statusCode(), "the first one keeps serving");
            assertTrue(Files.exists(data.resolve("admin.url")), "the refused one leaves the first one's address");
        }
    }

    @Test
    void lockIsReleasedOnClose() throws Exception {
        Path data = dir.resolve("data");
        Appliance.start(config(data)).close();
        Appliance.start(config(data)).close();
    }

    @Test
    void takenPortIsOneLineAndReleasesTheLock() throws Exception {
        Path data = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ApplianceConfig c = config(data).withAdminPort(taken.getLocalPort());
            ApplianceException e = assertThrows(ApplianceException.class, () -> Appliance.start(c));
            assertEquals("admin API cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in use; "
                    + "stop what uses it or set admin.port in the configuration", e.getMessage());
        }
        Appliance.start(config(data)).close();
    }

    @Test
    void dataDirectoryThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        ApplianceException e = assertThrows(ApplianceException.class, () -> Appliance.start(config(file)));
        assertEquals("data directory " + file + " is not a directory; pass another --data", e.getMessage());
    }

    @Test
    void dataDirectoryThatCannotBeCreatedIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path below = file.resolve("data");
        ApplianceException e = assertThrows(ApplianceException.class, () -> Appliance.start(config(below)));
        assertEquals("cannot create data directory " + below + ": not a directory; pass a writable --data",
                e.getMessage());
    }

    @Test
    void summaryIsOneLineNamingWhatIsServedAndWhatIsNot() throws Exception {
        Path data = dir.resolve("data");
        try (Appliance appliance = Appliance.start(config(data))) {
            String summary = appliance.summary();
            assertFalse(summary.contains("\n"));
            assertTrue(summary.startsWith("vtl serving: data directory " + data.toAbsolutePath()), summary);
            assertTrue(summary.contains("admin API " + appliance.adminUri()), summary);
            assertTrue(summary.contains("; iSCSI target 127.0.0.1:"), summary);
            assertTrue(summary.contains("partitions default (iqn.2026-11.org.vtl:default, 2 LTO9 drives, 24 slots, "
                    + "4 mail slots) with 20 cartridges"), summary);
            assertFalse(summary.contains("NOT serving"), summary);
        }
    }

    @Test
    void statsPerPartitionComeFromTheCatalog() throws Exception {
        Path data = dir.resolve("data");
        try (Appliance appliance = Appliance.start(config(data))) {
            HttpResponse<String> r = get(appliance, "/api/v1/stats", token(data));
            assertEquals(200, r.statusCode());
            JsonNode stats = Json.MAPPER.readTree(r.body());
            assertEquals("default", stats.path("partitions").get(0).path("name").asText());
            assertEquals(0, stats.path("partitions").get(0).path("writtenBytes").asLong());
            assertEquals(1.0, stats.path("partitions").get(0).path("compressionRatio").asDouble());
        }
    }

    @Test
    void adminListenAddressThatIsNotLocalIsOneLine() {
        ApplianceConfig c = config(dir.resolve("data"));
        ApplianceConfig remote = new ApplianceConfig(c.dataDir(), c.pool(), c.compression(), c.iscsi(), c.partitions(),
                new AdminConfig("192.0.2.1", 0, "admin.token"), c.metrics());
        ApplianceException e = assertThrows(ApplianceException.class, () -> Appliance.start(remote));
        assertTrue(e.getMessage().startsWith("admin API cannot listen on 192.0.2.1:0: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void poolIsCreatedOnAFreshDataDirectoryAndReassembledOnRestart() throws Exception {
        Path data = dir.resolve("data");
        JsonNode first;
        try (Appliance appliance = Appliance.start(config(data))) {
            first = Json.MAPPER.readTree(get(appliance, "/api/v1/pool", token(data)).body());
        }
        assertEquals("online", first.path("state").asText());
        assertEquals(6, first.path("groups").get(0).path("members").size());
        assertEquals(1 << 20, first.path("chunkBytes").asLong());
        assertTrue(first.path("capacityBytes").asLong() > 0);
        for (int i = 0; i < 6; i++) {
            assertTrue(Files.exists(data.resolve("pool").resolve("member-" + i + ".img")));
        }
        try (Appliance again = Appliance.start(config(data))) {
            JsonNode second = Json.MAPPER.readTree(get(again, "/api/v1/pool", token(data)).body());
            assertEquals(first.path("capacityBytes"), second.path("capacityBytes"));
            assertEquals("online", second.path("state").asText());
        }
    }

    @Test
    void freshCatalogIsSeededFromTheConfigurationOnce() throws Exception {
        Path data = dir.resolve("data");
        try (Appliance appliance = Appliance.start(config(data))) {
            JsonNode partitions = Json.MAPPER.readTree(get(appliance, "/api/v1/partitions", token(data)).body());
            assertEquals(1, partitions.size());
            assertEquals("iqn.2026-11.org.vtl:default", partitions.get(0).path("config").path("iqn").asText());
            assertEquals(20, partitions.get(0).path("cartridges").asLong());
            JsonNode cartridges = Json.MAPPER.readTree(get(appliance, "/api/v1/cartridges", token(data)).body());
            assertEquals(20, cartridges.size());
            assertEquals("VTL000L9", cartridges.get(0).path("barcode").asText());
            assertEquals(0x400, cartridges.get(0).path("element").asInt());
        }
        ApplianceConfig other = new ApplianceConfig(data.toString(), config(data).pool(), config(data).compression(),
                config(data).iscsi(), List.of(), config(data).admin(), config(data).metrics());
        try (Appliance again = Appliance.start(other)) {
            JsonNode partitions = Json.MAPPER.readTree(get(again, "/api/v1/partitions", token(data)).body());
            assertEquals(1, partitions.size(), "the catalog, not the file, owns the state after the first start");
        }
    }

    @Test
    void poolLayoutChangesWaitForTheCatalog() throws Exception {
        Path data = dir.resolve("data");
        try (Appliance appliance = Appliance.start(config(data))) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(appliance.adminUri().resolve("/api/v1/pool/scrub"))
                    .header("Authorization", "Bearer " + token(data)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, r.statusCode());
            HttpResponse<String> add = http.send(HttpRequest.newBuilder(appliance.adminUri().resolve("/api/v1/pool/groups"))
                    .header("Authorization", "Bearer " + token(data))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"paths\": [\"/a\", \"/b\", \"/c\", \"/d\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, add.statusCode(), "accepted as a job, which fails naming the catalog");
        }
    }

    @Test
    void healthUriIsLoopback() throws Exception {
        try (Appliance appliance = Appliance.start(config(dir.resolve("data")))) {
            URI uri = appliance.adminUri();
            assertEquals("127.0.0.1", uri.getHost());
        }
    }
}
