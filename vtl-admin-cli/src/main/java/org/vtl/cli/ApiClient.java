package org.vtl.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.vtl.admin.Json;
import org.vtl.appliance.DataDirectory;

/**
 * The CLI's side of the admin API: finds the daemon, sends the bearer token, turns every failure (no daemon,
 * refused connection, wrong token, an {@code ApiError}) into one line in a {@link CliException}.
 */
public final class ApiClient {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration REQUEST = Duration.ofSeconds(90);

    private final URI base;
    private final String token;
    private final Path tokenFile;
    private final HttpClient http;

    private ApiClient(URI base, String token, Path tokenFile) {
        this.base = base;
        this.token = token;
        this.tokenFile = tokenFile;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
    }

    /**
     * Finds the daemon: {@code url} and {@code tokenFile} when given, else the {@code admin.url} and
     * {@code admin.token} files the daemon keeps in {@code dataDir}.
     */
    public static ApiClient locate(Path dataDir, URI url, Path tokenFile) {
        Path data = dataDir.toAbsolutePath().normalize();
        URI base = url;
        if (base == null) {
            Path urlFile = data.resolve(DataDirectory.URL_FILE);
            try {
                base = URI.create(Files.readString(urlFile, StandardCharsets.US_ASCII).strip());
            } catch (NoSuchFileException e) {
                throw CliException.refused("no appliance is running on data directory " + data + " (no "
                        + DataDirectory.URL_FILE + "); start one with: vtl serve --data " + data
                        + ", or pass --url and --token-file");
            } catch (IOException | IllegalArgumentException e) {
                throw CliException.refused("cannot read " + urlFile + ": " + e.getMessage());
            }
        }
        if (!base.toString().endsWith("/")) {
            base = URI.create(base + "/");
        }
        Path tokens = tokenFile != null ? tokenFile : data.resolve("admin.token");
        String token;
        try {
            token = Files.readString(tokens, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw CliException.refused("no admin token file " + tokens + "; pass --token-file (the daemon creates "
                    + "admin.token in its data directory)");
        } catch (IOException e) {
            throw CliException.refused("cannot read admin token file " + tokens + ": " + e.getMessage()
                    + " (run vtl as the user that runs vtl serve)");
        }
        return new ApiClient(base, token, tokens);
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends one call; returns the JSON body ({@code null} node when empty) or throws a one-line refusal. */
    public JsonNode send(String method, String path, Object body) {
        URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw CliException.refused("cannot encode the request: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST).method(method, publisher)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw CliException.refused("cannot reach the appliance at " + base + ": connection refused; is vtl serve "
                    + "running?");
        } catch (HttpTimeoutException e) {
            throw CliException.refused("the appliance at " + base + " did not answer " + method + " " + path
                    + " in time");
        } catch (IOException e) {
            throw CliException.refused("cannot talk to the appliance at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.refused("interrupted");
        }
        return answer(response, method, path);
    }

    private JsonNode answer(HttpResponse<byte[]> response, String method, String path) {
        JsonNode node = NullNode.getInstance();
        if (response.body().length > 0) {
            try {
                node = Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw CliException.refused(method + " " + path + " answered " + response.statusCode()
                        + " with a body that is not JSON");
            }
        }
        if (response.statusCode() == 401) {
            throw CliException.refused("the appliance at " + base + " refused the token in " + tokenFile
                    + "; use the token file of the data directory the daemon runs on");
        }
        if (response.statusCode() >= 400) {
            JsonNode error = node.path("error");
            String message = error.path("message").asText(method + " " + path + " failed with HTTP "
                    + response.statusCode());
            throw CliException.refused(message);
        }
        return node;
    }
}
