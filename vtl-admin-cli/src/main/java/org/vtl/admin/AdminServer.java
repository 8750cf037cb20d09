package org.vtl.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server: the JDK's {@code com.sun.net.httpserver} on a loopback address, every request
 * authenticated with the bearer token, JSON in and out, errors as {@link ApiError}. Owns threads: the server's
 * dispatcher thread and one virtual thread per request (handlers may block on the catalog or wait for a job).
 * Control plane only; the data path is Netty's (docs/dependencies.md says why not Netty here).
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService threads;
    private final byte[] token;
    private final Router router;
    private final MeterRegistry meters;

    private AdminServer(HttpServer server, ExecutorService threads, String token, Router router, MeterRegistry meters) {
        this.server = server;
        this.threads = threads;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
        this.router = router;
        this.meters = meters;
    }

    /**
     * Binds and starts serving.
     *
     * @param port 0 for any free port
     * @throws java.net.BindException when the port is taken or the address is not local
     */
    public static AdminServer start(String host, int port, String token, Router router, MeterRegistry meters)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vtl-admin-", 1).factory());
        AdminServer admin = new AdminServer(server, threads, token, router, meters);
        server.setExecutor(threads);
        server.createContext("/", admin::exchange);
        server.start();
        return admin;
    }

    /** Where the API answers, e.g. {@code http://127.0.0.1:9260/}. */
    public URI uri() {
        InetSocketAddress at = server.getAddress();
        String host = at.getAddress().getHostAddress();
        return URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + at.getPort() + "/");
    }

    private void exchange(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        ApiResponse response;
        try (exchange) {
            try {
                response = route(exchange, method);
            } catch (ApiException e) {
                response = new ApiResponse(e.status(), new ApiError.Envelope(e.error()), null);
            } catch (Exception e) {
                LOG.error("admin API {} {} failed", method, exchange.getRequestURI().getPath(), e);
                response = new ApiResponse(500, new ApiError.Envelope(new ApiError("internal",
                        "internal error: " + e + " (details in the daemon log)")), null);
            }
            if (response.status() == 401) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"vtl\"");
            }
            write(exchange, response);
            meters.counter("vtl.admin.requests", "method", method, "status", Integer.toString(response.status()))
                    .increment();
        }
    }

    private ApiResponse route(HttpExchange exchange, String method) throws Exception {
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(401, "unauthorized", presented == null
                    ? "no bearer token; send Authorization: Bearer <contents of the token file>"
                    : "wrong bearer token; use the token file of the data directory the daemon runs on");
        }
        Router.Match match = router.find(method, exchange.getRequestURI().getRawPath());
        byte[] body = readBody(exchange.getRequestBody());
        return match.handler().handle(new ApiRequest(method, match.params(),
                query(exchange.getRequestURI().getRawQuery()), body));
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new ApiException(413, "too_large", "request body over " + MAX_BODY + " bytes");
        }
        return body;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] bytes;
        String type;
        if (response.body() == null) {
            bytes = new byte[0];
            type = null;
        } else if (response.contentType() != null) {
            bytes = response.body().toString().getBytes(StandardCharsets.UTF_8);
            type = response.contentType();
        } else {
            bytes = Json.MAPPER.writeValueAsBytes(response.body());
            type = "application/json";
        }
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops accepting, lets running exchanges finish for up to a second, then stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }
}
