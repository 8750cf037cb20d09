package org.vtl.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps method and path templates such as {@code /api/v1/partitions/{name}} to handlers. */
public final class Router {

    /** A found route: the handler and the path parameters. */
    public record Match(ApiHandler handler, Map<String, String> params) {
    }

    private record Route(String method, String[] segments, ApiHandler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; {@code {x}} segments capture path parameters. */
    public Router add(String method, String template, ApiHandler handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    /**
     * The route for a call.
     *
     * @throws ApiException 404 for an unknown path, 405 when the path exists with other methods
     */
    public Match find(String method, String path) {
        String[] parts = split(path);
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> params = match(route.segments, parts);
            if (params == null) {
                continue;
            }
            if (route.method.equals(method)) {
                return new Match(route.handler, params);
            }
            allowed.add(route.method);
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, "method_not_allowed", method + " is not allowed on " + path + " (allowed: "
                    + String.join(", ", allowed) + ")");
        }
        throw ApiException.notFound("no such API path: " + path);
    }

    private static Map<String, String> match(String[] template, String[] parts) {
        if (template.length != parts.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), java.net.URLDecoder.decode(parts[i],
                        java.nio.charset.StandardCharsets.UTF_8));
            } else if (!t.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/");
    }
}
