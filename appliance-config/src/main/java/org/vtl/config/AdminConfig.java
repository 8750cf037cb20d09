package org.vtl.config;

/** The admin HTTP API: where it listens and where its bearer token is kept. */
public record AdminConfig(
        @ConfigKey(doc = "Address the admin API listens on; keep it on loopback unless a proxy guards it.")
        String listen,
        @ConfigKey(doc = "TCP port of the admin API; 0 picks a free port (written to admin.url in the data directory).",
                min = 0, max = 65535)
        int port,
        @ConfigKey(doc = "File holding the bearer token, created with mode 0600 if missing; relative to the data directory.")
        String tokenFile) {
}
