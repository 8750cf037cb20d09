package org.vtl.cli;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vtl job list|show|cancel}: long operations running in the daemon. */
@Command(name = "job", description = "List, follow and cancel the daemon's long operations.")
final class JobCommand extends ClientCommand {

    @Command(name = "list", description = "List the jobs of this daemon run.")
    int list() {
        JsonNode jobs = api().get("/api/v1/jobs");
        return print(jobs, () -> {
            Table t = new Table("ID", "KIND", "STATE", "PROGRESS", "DESCRIPTION");
            jobs.forEach(j -> t.row(j.path("id").asLong(), j.path("kind").asText(),
                    j.path("state").asText().toLowerCase(Locale.ROOT), JobFollower.progress(j),
                    j.path("description").asText()));
            t.print(out());
        });
    }

    @Command(name = "show", description = "Show a job; --wait follows it with a progress bar until it ends.")
    int show(@Parameters(paramLabel = "ID") long id,
             @Option(names = "--wait", description = "Follow until the job ends.") boolean wait) {
        JsonNode job = api().get("/api/v1/jobs/" + id);
        if (wait) {
            return follow(job, true);
        }
        return print(job, () -> {
            Table t = new Table("KEY", "VALUE");
            job.properties().forEach(e -> t.row(e.getKey(), e.getValue().isNull() ? "-"
                    : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            t.print(out());
        });
    }

    @Command(name = "cancel", description = "Ask a running job to stop at its next safe point.")
    int cancel(@Parameters(paramLabel = "ID") long id) {
        JsonNode job = api().delete("/api/v1/jobs/" + id);
        return print(job, () -> out().println("asked job " + id + " to stop: " + job.path("description").asText()));
    }
}
