package org.vtl.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code vtl status}: the appliance, its components, the pool and the partitions at a glance. */
@Command(name = "status", description = "Show the appliance, its components, the pool and the partitions at a glance.")
final class StatusCommand extends ClientCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        JsonNode status = api().get("/api/v1/status");
        return print(status, () -> {
            JsonNode health = status.path("health");
            out().println("appliance " + health.path("status").asText() + " (version " + health.path("version").asText()
                    + ", up " + health.path("uptimeSeconds").asLong() + " s, data " + health.path("dataDir").asText()
                    + ")");
            Table components = new Table("COMPONENT", "STATE", "DETAIL");
            health.path("components").forEach(c -> components.row(c.path("name").asText(),
                    c.path("state").asText().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    c.path("detail").asText()));
            components.print(out());
            out().println();
            JsonNode pool = status.path("pool");
            if (pool.isObject()) {
                out().println("pool " + pool.path("state").asText() + ": " + Sizes.human(pool.path("usedBytes").asLong())
                        + " used of " + Sizes.human(pool.path("capacityBytes").asLong()) + ", "
                        + Sizes.human(pool.path("freeBytes").asLong()) + " free, compression "
                        + String.format(java.util.Locale.ROOT, "%.2f", pool.path("compressionRatio").asDouble()) + ":1");
            } else {
                out().println("pool: not available");
            }
            JsonNode partitions = status.path("partitions");
            if (partitions.isArray()) {
                PartitionCommand.table(partitions).print(out());
            } else {
                out().println("partitions: not available");
            }
        });
    }
}
