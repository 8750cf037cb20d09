package org.vtl.cli;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vtl.admin.Json;
import org.vtl.config.ByteSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vtl pool status|add-group|replace-member|scrub|rebuild-status}: capacity expansion and repair. */
@Command(name = "pool", description = "Show the RAID-6 pool, grow it, replace members and scrub it.")
final class PoolCommand extends ClientCommand {

    @Command(name = "status", description = "Show the pool: capacity, compression, every group and member with its "
            + "state and rebuild progress.")
    int status() {
        JsonNode pool = api().get("/api/v1/pool");
        return print(pool, () -> {
            out().println("pool " + pool.path("state").asText() + ": " + Sizes.human(pool.path("usedBytes").asLong())
                    + " used of " + Sizes.human(pool.path("capacityBytes").asLong()) + ", "
                    + Sizes.human(pool.path("freeBytes").asLong()) + " free, compression "
                    + String.format(Locale.ROOT, "%.2f", pool.path("compressionRatio").asDouble()) + ":1, chunk "
                    + ByteSize.ofBytes(pool.path("chunkBytes").asLong()));
            members(pool.path("groups")).print(out());
        });
    }

    @Command(name = "add-group", description = "Grow the pool by a new RAID-6 group of at least 4 members (a job).")
    int addGroup(@Option(names = "--path", required = true, paramLabel = "PATH",
                         description = "A new member file or device (repeat, at least 4).") List<String> paths,
                 @Option(names = "--size", converter = Sizes.class,
                         description = "Size of member files to create (block devices use their own).") ByteSize size,
                 @Option(names = "--wait", description = "Wait and show progress until done.") boolean wait) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("paths", Json.MAPPER.valueToTree(paths));
        if (size != null) {
            body.put("size", size.toString());
        }
        return follow(api().post("/api/v1/pool/groups", body), wait);
    }

    @Command(name = "replace-member", description = "Replace a member with a new file or device and rebuild it from "
            + "the others (a job).")
    int replaceMember(@Option(names = "--member", required = true, paramLabel = "N",
                              description = "Member number (vtl pool status).") int member,
                      @Option(names = "--path", required = true, paramLabel = "PATH") String path,
                      @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes,
                      @Option(names = "--wait", description = "Wait and show progress until rebuilt.") boolean wait) {
        confirm(yes, "replacing pool member " + member + " with " + path);
        return follow(api().post("/api/v1/pool/members/" + member + "/replace",
                Json.MAPPER.createObjectNode().put("path", path)), wait);
    }

    @Command(name = "scrub", description = "Read every stripe and check P and Q, repairing what it can (a job).")
    int scrub(@Option(names = "--wait", description = "Wait and show progress until done.") boolean wait) {
        return follow(api().post("/api/v1/pool/scrub", null), wait);
    }

    @Command(name = "rebuild-status", description = "Show members being rebuilt and the rebuild jobs.")
    int rebuildStatus() {
        JsonNode status = api().get("/api/v1/pool/rebuild");
        return print(status, () -> {
            out().println("pool " + status.path("state").asText());
            if (status.path("members").isEmpty()) {
                out().println("no member is being rebuilt");
            }
            status.path("members").forEach(m -> out().println("member " + m.path("index").asInt() + " "
                    + m.path("path").asText() + ": " + Math.round(100 * m.path("rebuildProgress").asDouble()) + "%"));
            status.path("jobs").forEach(j -> out().println("job " + j.path("id").asLong() + " "
                    + j.path("state").asText().toLowerCase(Locale.ROOT) + ": " + JobFollower.progress(j)));
        });
    }

    private static Table members(JsonNode groups) {
        Table t = new Table("GROUP", "MEMBER", "PATH", "SIZE", "STATE", "READ ERRORS", "REBUILD");
        groups.forEach(g -> g.path("members").forEach(m -> t.row(g.path("index").asInt() + " " + g.path("state").asText(),
                m.path("index").asInt(), m.path("path").asText(), Sizes.human(m.path("sizeBytes").asLong()),
                m.path("state").asText(), m.path("readErrors").asLong(),
                m.path("rebuildProgress").isNumber() ? Math.round(100 * m.path("rebuildProgress").asDouble()) + "%"
                        : "-")));
        return t;
    }
}
