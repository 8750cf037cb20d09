package org.vtl.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code vtl stats}: throughput and compression per partition and drive. */
@Command(name = "stats", description = "Show throughput and compression ratio per partition and per drive.")
final class StatsCommand extends ClientCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        JsonNode stats = api().get("/api/v1/stats");
        return print(stats, () -> {
            Table partitions = new Table("PARTITION", "WRITTEN", "READ", "WRITE/s", "READ/s", "COMPRESSION");
            stats.path("partitions").forEach(p -> partitions.row(p.path("name").asText(),
                    Sizes.human(p.path("writtenBytes").asLong()), Sizes.human(p.path("readBytes").asLong()),
                    Sizes.human(p.path("writeBytesPerSec").asLong()), Sizes.human(p.path("readBytesPerSec").asLong()),
                    ratio(p.path("compressionRatio"))));
            partitions.print(out());
            out().println();
            Table drives = new Table("PARTITION", "DRIVE", "WRITTEN", "READ", "STORED", "BLOCKS W", "BLOCKS R",
                    "WRITE/s", "READ/s", "COMPRESSION");
            stats.path("drives").forEach(d -> drives.row(d.path("partition").asText(), d.path("index").asInt(),
                    Sizes.human(d.path("writtenBytes").asLong()), Sizes.human(d.path("readBytes").asLong()),
                    Sizes.human(d.path("storedBytes").asLong()), d.path("blocksWritten").asLong(),
                    d.path("blocksRead").asLong(), Sizes.human(d.path("writeBytesPerSec").asLong()),
                    Sizes.human(d.path("readBytesPerSec").asLong()), ratio(d.path("compressionRatio"))));
            drives.print(out());
        });
    }

    private static String ratio(JsonNode r) {
        return String.format(Locale.ROOT, "%.2f:1", r.asDouble());
    }
}
