package org.vtl.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An iSCSI portal address, {@code host:port} or {@code [ipv6]:port} (RFC 7143 13.9 TargetAddress syntax).
 *
 * @param host the host name or address, IPv6 without brackets
 * @param port the TCP port, 0 meaning any free port
 */
public record Portal(String host, int port) {

    private static final Pattern FORM = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):(\\d{1,5})");

    /** Parses {@code host:port}; {@code null} when the text is not a portal. */
    public static Portal parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int port = Integer.parseInt(m.group(3));
        if (port > 65535) {
            return null;
        }
        String host = m.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Portal(host, port);
    }

    /** True for the any-address (0.0.0.0 or ::). */
    public boolean isWildcard() {
        return "0.0.0.0".equals(host) || "::".equals(host);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
