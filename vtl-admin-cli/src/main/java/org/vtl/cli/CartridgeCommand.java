package org.vtl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vtl.admin.Json;
import org.vtl.config.ByteSize;
import org.vtl.config.LtoGeneration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vtl cartridge ...}: label, list, move through mail slots, erase, delete, write-protect. */
@Command(name = "cartridge", description = "Create, list, show, import, export, erase, delete and write-protect "
        + "virtual cartridges.")
final class CartridgeCommand extends ClientCommand {

    /** Where a cartridge is, as the CLI spells it. */
    enum Location {
        STORAGE_SLOT, IMPORT_EXPORT_SLOT, DRIVE, VAULT
    }

    /** The two positions of the write-protect tab. */
    enum Tab {
        on, off
    }

    @Command(name = "create", description = "Create cartridges in free storage slots of a partition (a job: "
            + "progress is shown until done unless --no-wait).")
    int create(@Option(names = "--partition", required = true, paramLabel = "NAME") String partition,
               @Option(names = "--barcodes", required = true, paramLabel = "FIRST-LAST",
                       description = "Barcode range, e.g. ABC000L9-ABC099L9, or one barcode.") String barcodes,
               @Option(names = "--media", defaultValue = "LTO9",
                       description = "Media type: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
               LtoGeneration media,
               @Option(names = "--capacity", converter = Sizes.class,
                       description = "Capacity when smaller than native, e.g. 100GiB.") ByteSize capacity,
               @Option(names = "--worm", description = "Write once, read many.") boolean worm,
               @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
                       description = "Wait until created (default); --no-wait prints the job id and returns.")
               boolean wait) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("partition", partition).put("barcodes", barcodes)
                .put("media", media.name()).put("worm", worm);
        if (capacity != null) {
            body.put("capacity", capacity.toString());
        }
        return follow(api().post("/api/v1/cartridges", body), wait);
    }

    @Command(name = "list", description = "List cartridges, filtered by partition, location or barcode pattern.")
    int list(@Option(names = "--partition", paramLabel = "NAME") String partition,
             @Option(names = "--location", description = "${COMPLETION-CANDIDATES}") Location location,
             @Option(names = "--barcode", paramLabel = "GLOB", description = "Barcode pattern, * and ? allowed.")
             String barcode) {
        StringBuilder query = new StringBuilder();
        append(query, "partition", partition);
        append(query, "location", location == null ? null : location.name());
        append(query, "barcode", barcode);
        JsonNode cartridges = api().get("/api/v1/cartridges" + query);
        return print(cartridges, () -> table(cartridges).print(out()));
    }

    @Command(name = "show", description = "Show one cartridge.")
    int show(@Parameters(paramLabel = "BARCODE") String barcode) {
        JsonNode c = api().get("/api/v1/cartridges/" + encode(barcode));
        return print(c, () -> {
            Table t = new Table("KEY", "VALUE");
            c.properties().forEach(e -> t.row(e.getKey(), e.getValue().isNull() ? "-" : e.getValue().asText()));
            t.print(out());
        });
    }

    @Command(name = "import", description = "Move a cartridge from the vault shelf into a free import/export slot "
            + "of a partition.")
    int importTo(@Parameters(paramLabel = "BARCODE") String barcode,
                 @Option(names = "--partition", required = true, paramLabel = "NAME") String partition) {
        JsonNode c = api().post("/api/v1/cartridges/" + encode(barcode) + "/import",
                Json.MAPPER.createObjectNode().put("partition", partition));
        return print(c, () -> out().println("imported " + barcode + " into a mail slot of " + partition
                + " (element " + c.path("element").asInt() + ")"));
    }

    @Command(name = "export", description = "Move a cartridge out of its library to the vault shelf.")
    int export(@Parameters(paramLabel = "BARCODE") String barcode) {
        JsonNode c = api().post("/api/v1/cartridges/" + encode(barcode) + "/export", null);
        return print(c, () -> out().println("exported " + barcode + " to the vault shelf"));
    }

    @Command(name = "erase", description = "Erase all data on a cartridge (a job).")
    int erase(@Parameters(paramLabel = "BARCODE") String barcode,
              @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes,
              @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
                      description = "Wait until erased (default).") boolean wait) {
        confirm(yes, "erasing cartridge " + barcode);
        return follow(api().post("/api/v1/cartridges/" + encode(barcode) + "/erase", null), wait);
    }

    @Command(name = "delete", description = "Delete a cartridge and its data.")
    int delete(@Parameters(paramLabel = "BARCODE") String barcode,
               @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes) {
        confirm(yes, "deleting cartridge " + barcode);
        JsonNode done = api().delete("/api/v1/cartridges/" + encode(barcode));
        return print(done, () -> out().println("deleted cartridge " + barcode));
    }

    @Command(name = "write-protect", description = "Set (on) or clear (off) the write-protect tab.")
    int writeProtect(@Parameters(paramLabel = "BARCODE") String barcode,
                     @Parameters(paramLabel = "on|off", description = "${COMPLETION-CANDIDATES}") Tab tab) {
        JsonNode c = api().put("/api/v1/cartridges/" + encode(barcode) + "/write-protect",
                Json.MAPPER.createObjectNode().put("on", tab == Tab.on));
        return print(c, () -> out().println(barcode + " write-protect " + tab));
    }

    static Table table(JsonNode cartridges) {
        Table t = new Table("BARCODE", "PARTITION", "MEDIA", "CAPACITY", "WRITTEN", "STORED", "FLAGS", "LOCATION");
        cartridges.forEach(c -> t.row(c.path("barcode").asText(), c.path("partition").asText("-"),
                c.path("media").asText(), Sizes.human(c.path("capacityBytes").asLong()),
                Sizes.human(c.path("writtenBytes").asLong()), Sizes.human(c.path("storedBytes").asLong()),
                flags(c), c.path("location").asText().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + (c.path("element").asInt(-1) >= 0 ? " " + c.path("element").asInt() : "")));
        return t;
    }

    private static String flags(JsonNode c) {
        String f = (c.path("worm").asBoolean() ? "worm " : "") + (c.path("writeProtected").asBoolean() ? "wp" : "");
        return f.isBlank() ? "-" : f.strip();
    }

    private static void append(StringBuilder query, String key, String value) {
        if (value != null) {
            query.append(query.isEmpty() ? '?' : '&').append(key).append('=').append(encode(value));
        }
    }
}
