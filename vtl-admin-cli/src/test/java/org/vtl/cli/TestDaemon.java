package org.vtl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.vtl.admin.AdminApi;
import org.vtl.admin.AdminServer;
import org.vtl.admin.AdminServices;
import org.vtl.admin.ComponentStatus;
import org.vtl.admin.HealthView;
import org.vtl.admin.JobRegistry;

/**
 * The admin API on 127.0.0.1 with a free port, a real token and real jobs, backed by the in-memory test services;
 * {@link #run} runs the CLI against it in-process and captures what it prints.
 */
final class TestDaemon implements AutoCloseable {

    /** What one CLI run did. */
    record Result(int exit, String out, String err) {
    }

    final InMemoryLibrary library = new InMemoryLibrary();
    final InMemoryPool pool = new InMemoryPool();
    final JobRegistry jobs = new JobRegistry();
    final Path tokenFile;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AdminServer server;

    TestDaemon(Path dir) throws IOException {
        tokenFile = dir.resolve("admin.token");
        Files.writeString(tokenFile, "test-token\n");
        AdminServices services = new AdminServices(Optional.of(library), Optional.of(library), Optional.of(pool),
                Optional.of(pool));
        List<ComponentStatus> components = List.of(ComponentStatus.running("admin API", "test"));
        server = AdminServer.start("127.0.0.1", 0, "test-token", AdminApi.routes(
                () -> new HealthView("serving", "test", 0, dir.toString(), components), meters, services, jobs), meters);
    }

    String url() {
        return server.uri().toString();
    }

    /** Runs {@code vtl --url URL --token-file FILE args...} with no terminal. */
    Result run(String... args) {
        return runWith(Terminal.NONE, args);
    }

    Result runWith(Terminal terminal, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url(), "--token-file", tokenFile.toString()));
        all.addAll(List.of(args));
        return cli(terminal, all.toArray(String[]::new));
    }

    /** Runs the CLI with exactly {@code args}. */
    static Result cli(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VtlCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), terminal)
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        jobs.close();
        meters.close();
    }
}
