package org.vtl.cli;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.vtl.admin.CapacityPlan;
import org.vtl.config.ByteSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vtl capacity plan}: the backup vendors' sizing formula against the pool's free space. */
@Command(name = "capacity", description = "Plan capacity.")
final class CapacityCommand extends ClientCommand {

    @Command(name = "plan", description = {"Size the pool for a retention policy: (base x fulls + incremental x "
            + "incrementals x fulls) x (1 + growth)^years / compression ratio, compared with the pool's free space.",
            "The ratio is --compression-ratio, else the pool's measured one, else 1.0."})
    int plan(@Option(names = "--base", required = true, converter = Sizes.class, description = "One full backup today.")
             ByteSize base,
             @Option(names = "--fulls", defaultValue = "4", description = "Full copies kept (default ${DEFAULT-VALUE}).")
             int fulls,
             @Option(names = "--incremental", defaultValue = "0", converter = Sizes.class,
                     description = "One incremental backup today (default ${DEFAULT-VALUE}).") ByteSize incremental,
             @Option(names = "--incrementals", defaultValue = "6",
                     description = "Incrementals kept per full (default ${DEFAULT-VALUE}).") int incrementals,
             @Option(names = "--growth", defaultValue = "20", paramLabel = "PERCENT",
                     description = "Yearly growth in percent (default ${DEFAULT-VALUE}).") double growth,
             @Option(names = "--years", defaultValue = "3", description = "Planning horizon (default ${DEFAULT-VALUE}).")
             int years,
             @Option(names = "--compression-ratio", paramLabel = "RATIO", description = "Expected ratio, e.g. 2.0.")
             Double ratio) {
        JsonNode answer = api().post("/api/v1/capacity/plan", new CapacityPlan.Request(base.bytes(), fulls,
                incremental.bytes(), incrementals, growth, years, ratio));
        return print(answer, () -> {
            out().println("backup data to keep: " + Sizes.human(answer.path("nativeBytes").asLong()) + " native");
            out().println(String.format(Locale.ROOT, "compression ratio: %.2f:1 (%s)",
                    answer.path("compressionRatio").asDouble(), answer.path("ratioSource").asText()));
            out().println("pool space needed:   " + Sizes.human(answer.path("storedBytes").asLong()));
            if (answer.path("poolFreeBytes").isNumber()) {
                out().println("pool free now:       " + Sizes.human(answer.path("poolFreeBytes").asLong()));
                out().println(answer.path("fits").asBoolean() ? "fits"
                        : "short by " + Sizes.human(answer.path("shortfallBytes").asLong())
                        + ": add a group (vtl pool add-group)");
            } else {
                out().println("pool free now:       unknown (no pool in this appliance)");
            }
        });
    }
}
