package org.vtl.cli;

import java.io.PrintWriter;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.vtl.admin.Json;

/**
 * Shows a job until it ends: a live bar with rate and ETA on a terminal, a plain line per 10 % otherwise, nothing
 * but the final job with --json. A failed or cancelled job is a refusal (exit code 1).
 */
final class JobFollower {

    private static final int BAR = 30;
    private static final long POLL_MS = 1000;

    private final ApiClient api;
    private final PrintWriter out;
    private final Terminal terminal;
    private final boolean json;

    JobFollower(ApiClient api, PrintWriter out, Terminal terminal, boolean json) {
        this.api = api;
        this.out = out;
        this.terminal = terminal;
        this.json = json;
    }

    int follow(JsonNode job) {
        long id = job.path("id").asLong();
        int lastDecile = -1;
        while ("RUNNING".equals(job.path("state").asText())) {
            lastDecile = show(job, lastDecile);
            job = api.get("/api/v1/jobs/" + id + "?waitMs=" + POLL_MS);
        }
        if (!json && terminal.interactive() && lastDecile >= 0) {
            out.print("\r" + bar(job) + "\n");
        }
        return finish(job);
    }

    private int show(JsonNode job, int lastDecile) {
        if (json) {
            return lastDecile;
        }
        if (terminal.interactive()) {
            out.print("\r" + bar(job));
            out.flush();
            return 0;
        }
        long total = job.path("total").asLong();
        int decile = total > 0 ? (int) (10 * job.path("done").asLong() / total) : 0;
        if (decile != lastDecile) {
            out.println("job " + job.path("id").asLong() + ": " + progress(job));
            out.flush();
        }
        return decile;
    }

    private int finish(JsonNode job) {
        String state = job.path("state").asText();
        long id = job.path("id").asLong();
        if ("FAILED".equals(state)) {
            throw CliException.refused("job " + id + " failed: " + job.path("error").asText("no reason given"));
        }
        if ("CANCELLED".equals(state)) {
            throw CliException.refused("job " + id + " was cancelled: " + job.path("description").asText());
        }
        if (json) {
            try {
                out.println(Json.MAPPER.writeValueAsString(job));
            } catch (JsonProcessingException e) {
                throw CliException.refused("cannot print JSON: " + e.getMessage());
            }
        } else {
            out.println("job " + id + " succeeded: " + job.path("description").asText() + result(job.path("result")));
        }
        out.flush();
        return 0;
    }

    private static String result(JsonNode result) {
        if (result.isArray()) {
            return " (" + result.size() + (result.size() == 1 ? " item)" : " items)");
        }
        if (result.isNumber()) {
            return " (result " + result.asText() + ")";
        }
        return "";
    }

    static String bar(JsonNode job) {
        long total = job.path("total").asLong();
        long done = job.path("done").asLong();
        int filled = total > 0 ? (int) Math.min(BAR, BAR * done / total) : 0;
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + progress(job);
    }

    static String progress(JsonNode job) {
        long total = job.path("total").asLong();
        long done = job.path("done").asLong();
        String unit = job.path("unit").asText();
        String pct = total > 0 ? (100 * done / total) + "% " : "";
        String eta = job.path("etaSeconds").isNumber() ? ", ETA " + job.path("etaSeconds").asLong() + "s" : "";
        return pct + done + (total > 0 ? "/" + total : "") + " " + unit
                + String.format(Locale.ROOT, ", %.1f %s/s", job.path("ratePerSec").asDouble(), unit) + eta;
    }
}
