package org.vtl.admin;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * One API call as a handler sees it.
 *
 * @param method HTTP method
 * @param params path parameters, e.g. {@code name} of {@code /api/v1/partitions/{name}}
 * @param query  query parameters (last value wins)
 * @param body   the request body, empty when none
 */
public record ApiRequest(String method, Map<String, String> params, Map<String, String> query, byte[] body) {

    public String param(String name) {
        return params.get(name);
    }

    /** A query parameter, or {@code null}. */
    public String query(String name) {
        return query.get(name);
    }

    /** True for {@code ?name}, {@code ?name=true}. */
    public boolean flag(String name) {
        String v = query.get(name);
        return v != null && (v.isEmpty() || "true".equalsIgnoreCase(v));
    }

    /** The body as JSON; an empty body is an empty object. */
    public JsonNode json() {
        if (body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.invalid("the request body is not JSON: " + oneLine(e));
        }
    }

    /** The body bound to {@code type}; unknown fields and wrong types are refused with one line. */
    public <T> T body(Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(json(), type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid("unknown field \"" + e.getPropertyName() + "\" (known: "
                    + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("bad request body: " + oneLine(e));
        }
    }

    /** A whole-number path or query value, refused with one line when it is not one. */
    public long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name + " must be a whole number, was \"" + value + "\"");
        }
    }

    private static String oneLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        int nl = m == null ? -1 : m.indexOf('\n');
        return m == null ? e.getClass().getSimpleName() : nl < 0 ? m : m.substring(0, nl);
    }
}
