package org.vtl.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.vtl.admin.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every admin-API subcommand shares: the client, the output, --json, confirmations and jobs. */
abstract class ClientCommand {

    @Spec
    CommandSpec spec;

    VtlCommand root() {
        return (VtlCommand) spec.root().userObject();
    }

    ApiClient api() {
        return root().client();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    boolean json() {
        return root().json;
    }

    /** Prints {@code node} as JSON when --json, else calls {@code human}. Returns exit code 0. */
    int print(JsonNode node, Runnable human) {
        if (json()) {
            try {
                out().println(Json.MAPPER.writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw CliException.refused("cannot print JSON: " + e.getMessage());
            }
        } else {
            human.run();
        }
        out().flush();
        return 0;
    }

    /**
     * Asks before a destructive operation unless {@code yes}; refuses when there is no terminal to ask on.
     */
    void confirm(boolean yes, String what) {
        if (yes) {
            return;
        }
        Terminal terminal = root().terminal;
        if (!terminal.interactive()) {
            throw CliException.refused(what + " cannot be undone; add --yes to confirm (no terminal to ask on)");
        }
        String answer = terminal.ask(what + " cannot be undone. Continue? [y/N] ");
        if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            throw CliException.refused("not confirmed; nothing changed");
        }
    }

    /** Follows a job the API started: progress while it runs, its result at the end. */
    int follow(JsonNode job, boolean wait) {
        if (!wait) {
            return print(job, () -> out().println("job " + job.path("id").asLong() + " started: "
                    + job.path("description").asText() + " (follow it with: vtl job show --wait "
                    + job.path("id").asLong() + ")"));
        }
        return new JobFollower(api(), out(), root().terminal, json()).follow(job);
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
