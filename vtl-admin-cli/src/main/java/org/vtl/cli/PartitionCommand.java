package org.vtl.cli;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vtl.admin.Json;
import org.vtl.config.ByteSize;
import org.vtl.config.ChangerModel;
import org.vtl.config.DriveVendor;
import org.vtl.config.LtoGeneration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vtl partition create|list|show|delete|set}: library partitions, each its own iSCSI target. */
@Command(name = "partition", description = "Create, list, show, change and delete library partitions.",
        subcommandsRepeatable = false)
final class PartitionCommand extends ClientCommand {

    /** CHAP settings shared by create and set. */
    static final class Chap {
        @Option(names = "--chap-user", paramLabel = "USER", required = true,
                description = "CHAP user initiators log in with.")
        String user;
        @Option(names = "--chap-secret-file", paramLabel = "FILE", required = true,
                description = "File holding the CHAP secret (12 to 16 characters); kept off the command line.")
        Path secretFile;
        @Option(names = "--mutual-chap-user", paramLabel = "USER", description = "Target user for mutual CHAP.")
        String mutualUser;
        @Option(names = "--mutual-chap-secret-file", paramLabel = "FILE",
                description = "File holding the target's secret for mutual CHAP.")
        Path mutualSecretFile;

        ObjectNode json() {
            ObjectNode chap = Json.MAPPER.createObjectNode().put("user", user).put("secret", secret(secretFile));
            if (mutualUser != null) {
                chap.put("mutualUser", mutualUser);
            }
            if (mutualSecretFile != null) {
                chap.put("mutualSecret", secret(mutualSecretFile));
            }
            return chap;
        }
    }

    @Command(name = "create", description = "Create a partition: a new iSCSI target with its changer, drives and slots.")
    int create(@Parameters(paramLabel = "NAME", description = "Partition name (a-z, 0-9, '-').") String name,
               @Option(names = "--iqn", description = "Target name; default iqn.2026-11.org.vtl:NAME.") String iqn,
               @Option(names = "--changer", description = "Changer identity: ${COMPLETION-CANDIDATES}.") ChangerModel changer,
               @Option(names = "--drives", description = "Number of tape drives (default 2).") Integer drives,
               @Option(names = "--drive-generation", description = "LTO generation of the drives: ${COMPLETION-CANDIDATES}.")
               LtoGeneration generation,
               @Option(names = "--drive-vendor", description = "Drive identity: ${COMPLETION-CANDIDATES}.") DriveVendor vendor,
               @Option(names = "--slots", description = "Storage slots (default 24).") Integer slots,
               @Option(names = "--mail-slots", description = "Import/export slots (default 4).") Integer mailSlots,
               @Option(names = "--quota", converter = Sizes.class, description = "Most pool space it may use, e.g. 50TB.")
               ByteSize quota,
               @ArgGroup(exclusive = false) Chap chap,
               @Option(names = "--allow-initiator", paramLabel = "IQN",
                       description = "Initiator allowed to log in (repeat); default: any.") List<String> initiators) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
        putIfSet(body, "iqn", iqn);
        putIfSet(body, "changer", changer);
        putIfSet(body, "drives", drives);
        putIfSet(body, "driveGeneration", generation);
        putIfSet(body, "driveVendor", vendor);
        putIfSet(body, "slots", slots);
        putIfSet(body, "importExportSlots", mailSlots);
        putIfSet(body, "quota", quota);
        if (chap != null) {
            body.set("chap", chap.json());
        }
        if (initiators != null) {
            body.set("allowedInitiators", Json.MAPPER.valueToTree(initiators));
        }
        JsonNode created = api().post("/api/v1/partitions", body);
        return print(created, () -> out().println("created partition " + name + ": target "
                + created.path("config").path("iqn").asText()));
    }

    @Command(name = "list", description = "List the partitions.")
    int list() {
        JsonNode partitions = api().get("/api/v1/partitions");
        return print(partitions, () -> table(partitions).print(out()));
    }

    @Command(name = "show", description = "Show one partition in full.")
    int show(@Parameters(paramLabel = "NAME") String name) {
        JsonNode p = api().get("/api/v1/partitions/" + encode(name));
        return print(p, () -> {
            JsonNode c = p.path("config");
            Table t = new Table("KEY", "VALUE");
            c.properties().forEach(e -> t.row(e.getKey(), e.getValue().isNull() ? "-" : text(e.getValue())));
            t.row("cartridges (now)", p.path("cartridges").asLong());
            t.row("used", Sizes.human(p.path("usedBytes").asLong()));
            t.row("sessions", p.path("sessions").asInt());
            t.print(out());
        });
    }

    @Command(name = "delete", description = "Delete a partition; refused while it has cartridges or sessions "
            + "unless --force (its cartridges then move to the vault shelf).")
    int delete(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--force", description = "Drop sessions and shelve cartridges.") boolean force,
               @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes) {
        confirm(yes, "deleting partition " + name + (force ? " (forced)" : ""));
        JsonNode done = api().delete("/api/v1/partitions/" + encode(name) + (force ? "?force=true" : ""));
        return print(done, () -> out().println("deleted partition " + name));
    }

    @Command(name = "set", description = "Change a partition's target name, changer or drive identity, quota, CHAP "
            + "or allowed initiators (drives: vtl drive; slots: vtl slot resize).")
    int set(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--iqn") String iqn,
            @Option(names = "--changer", description = "${COMPLETION-CANDIDATES}") ChangerModel changer,
            @Option(names = "--drive-vendor", description = "${COMPLETION-CANDIDATES}") DriveVendor vendor,
            @Option(names = "--quota", converter = Sizes.class) ByteSize quota,
            @Option(names = "--no-quota", description = "Remove the quota.") boolean noQuota,
            @ArgGroup(exclusive = false) Chap chap,
            @Option(names = "--no-chap", description = "Remove CHAP.") boolean noChap,
            @Option(names = "--allow-initiator", paramLabel = "IQN", description = "Replace the allowed initiators.")
            List<String> initiators,
            @Option(names = "--allow-any-initiator", description = "Allow any initiator.") boolean anyInitiator) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        putIfSet(body, "iqn", iqn);
        putIfSet(body, "changer", changer);
        putIfSet(body, "driveVendor", vendor);
        putIfSet(body, "quota", quota);
        if (noQuota) {
            body.putNull("quota");
        }
        if (chap != null) {
            body.set("chap", chap.json());
        }
        if (noChap) {
            body.putNull("chap");
        }
        if (initiators != null) {
            body.set("allowedInitiators", Json.MAPPER.valueToTree(initiators));
        }
        if (anyInitiator) {
            body.set("allowedInitiators", Json.MAPPER.createArrayNode());
        }
        if (body.isEmpty()) {
            throw new CliException(CliException.USAGE, "nothing to change; see: vtl partition set --help");
        }
        JsonNode changed = api().patch("/api/v1/partitions/" + encode(name), body);
        return print(changed, () -> out().println("changed partition " + name));
    }

    static Table table(JsonNode partitions) {
        Table t = new Table("NAME", "TARGET", "CHANGER", "DRIVES", "SLOTS", "MAIL", "CARTRIDGES", "USED", "SESSIONS");
        partitions.forEach(p -> {
            JsonNode c = p.path("config");
            t.row(c.path("name").asText(), c.path("iqn").asText(), c.path("changer").asText(),
                    c.path("drives").asInt() + " x " + c.path("driveGeneration").asText(), c.path("slots").asInt(),
                    c.path("importExportSlots").asInt(), p.path("cartridges").asLong(),
                    Sizes.human(p.path("usedBytes").asLong()), p.path("sessions").asInt());
        });
        return t;
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    static void putIfSet(ObjectNode body, String key, Object value) {
        if (value != null) {
            body.put(key, value.toString());
        }
    }

    static void putIfSet(ObjectNode body, String key, Integer value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    /** Reads a secret kept in a file. */
    static String secret(Path file) {
        try {
            return java.nio.file.Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw CliException.refused("cannot read " + file + ": " + e.getMessage());
        }
    }
}
