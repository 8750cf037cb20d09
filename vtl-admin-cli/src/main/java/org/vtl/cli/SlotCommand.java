package org.vtl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vtl.admin.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vtl slot resize}: storage and import/export slots of a partition. */
@Command(name = "slot", description = "Change the number of storage and import/export slots of a partition.")
final class SlotCommand extends ClientCommand {

    @Command(name = "resize", description = "Set the number of slots; new slots appear in READ ELEMENT STATUS with a "
            + "unit attention; shrinking is refused while a slot to drop holds a cartridge.")
    int resize(@Option(names = "--partition", required = true, paramLabel = "NAME") String partition,
               @Option(names = "--slots", paramLabel = "N", description = "Storage slots.") Integer slots,
               @Option(names = "--mail-slots", paramLabel = "N", description = "Import/export slots.") Integer mail) {
        if (slots == null && mail == null) {
            throw new CliException(CliException.USAGE, "give --slots, --mail-slots or both; see: vtl slot resize --help");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        PartitionCommand.putIfSet(body, "slots", slots);
        PartitionCommand.putIfSet(body, "importExportSlots", mail);
        JsonNode p = api().put("/api/v1/partitions/" + encode(partition) + "/slots", body);
        return print(p, () -> out().println("partition " + partition + " has " + p.path("config").path("slots").asInt()
                + " storage slots and " + p.path("config").path("importExportSlots").asInt() + " import/export slots"));
    }
}
