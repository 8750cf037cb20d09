package org.vtl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.vtl.admin.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vtl drive add|remove|list}: tape drives within a partition. */
@Command(name = "drive", subcommands = picocli.CommandLine.HelpCommand.class,
        description = "Add, remove and list the tape drives of a partition.")
final class DriveCommand extends ClientCommand {

    @Command(name = "list", description = "List a partition's drives: element address, LUN, serial, loaded cartridge.")
    int list(@Option(names = "--partition", required = true, paramLabel = "NAME") String partition) {
        JsonNode drives = api().get("/api/v1/partitions/" + encode(partition) + "/drives");
        return print(drives, () -> table(drives).print(out()));
    }

    @Command(name = "add", description = "Add drives of the partition's generation and identity; they appear at once "
            + "as new LUNs and data transfer elements.")
    int add(@Option(names = "--partition", required = true, paramLabel = "NAME") String partition,
            @Option(names = "--count", defaultValue = "1", description = "How many (default ${DEFAULT-VALUE}).")
            int count) {
        JsonNode added = api().post("/api/v1/partitions/" + encode(partition) + "/drives",
                Json.MAPPER.createObjectNode().put("count", count));
        return print(added, () -> table(added).print(out()));
    }

    @Command(name = "remove", description = "Remove the last drive, live (sessions stay; initiators see "
            + "REPORTED LUNS DATA HAS CHANGED); refused while it holds a cartridge unless --force.")
    int remove(@Option(names = "--partition", required = true, paramLabel = "NAME") String partition,
               @Option(names = "--drive", required = true, paramLabel = "N",
                       description = "Drive number (vtl drive list).")
               int drive,
               @Option(names = "--force", description = "Remove even when loaded (the cartridge goes back to a free "
                       + "storage slot).")
               boolean force) {
        JsonNode done = api().delete("/api/v1/partitions/" + encode(partition) + "/drives/" + drive
                + (force ? "?force=true" : ""));
        return print(done, () -> out().println("removed drive " + drive + " from partition " + partition));
    }

    private static Table table(JsonNode drives) {
        Table t = new Table("DRIVE", "ELEMENT", "LUN", "SERIAL", "MODEL", "LOADED");
        drives.forEach(d -> t.row(d.path("index").asInt(), d.path("elementAddress").asInt(), d.path("lun").asInt(),
                d.path("serial").asText(), d.path("vendor").asText() + " " + d.path("generation").asText(),
                d.path("loaded").isNull() ? "-" : d.path("loaded").asText()));
        return t;
    }
}
