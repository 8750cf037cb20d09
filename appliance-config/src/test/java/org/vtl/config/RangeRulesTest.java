package org.vtl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every numeric and size key with a {@link ConfigKey} range is refused just outside it and accepted at its
 * bounds: the cases are derived from the records, so a new key cannot escape its rule.
 */
class RangeRulesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static Stream<Arguments> rangedKeys() {
        List<Arguments> out = new ArrayList<>();
        collect(ApplianceConfig.class, new ArrayList<>(), out);
        return out.stream();
    }

    private static void collect(Class<?> type, List<String> parents, List<Arguments> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            List<String> path = new ArrayList<>(parents);
            path.add(c.getName());
            ConfigKey key = c.getAnnotation(ConfigKey.class);
            Class<?> raw = c.getType();
            boolean number = raw == int.class || raw == long.class || raw == ByteSize.class;
            if (number && (key.min() != Long.MIN_VALUE || key.max() != Long.MAX_VALUE)) {
                out.add(Arguments.of(String.join(".", path), key.min(), key.max(), raw == ByteSize.class));
            }
            if (raw.isRecord() && raw != ByteSize.class) {
                collect(raw, path, out);
            } else if (raw == List.class) {
                var element = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                if (element.isRecord()) {
                    path.set(path.size() - 1, c.getName() + "[]");
                    collect(element, path, out);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangedKeys")
    void valueJustOutsideTheRangeIsRefusedWithTheRule(String path, long min, long max, boolean size) throws Exception {
        String shown = path.replace("[]", "[0]");
        if (min != Long.MIN_VALUE && min > 0) {
            ConfigException e = assertThrows(ConfigException.class, () -> parse(path, min - 1, size));
            assertTrue(e.errors().contains(shown + ": " + rule(min, max, size) + ", was " + text(min - 1, size)),
                    e.errors().toString());
        }
        if (max != Long.MAX_VALUE) {
            ConfigException e = assertThrows(ConfigException.class, () -> parse(path, max + 1, size));
            assertTrue(e.errors().contains(shown + ": " + rule(min, max, size) + ", was " + text(max + 1, size)),
                    e.errors().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangedKeys")
    void boundsThemselvesPassTheRangeRule(String path, long min, long max, boolean size) throws Exception {
        String shown = path.replace("[]", "[0]") + ": " + rule(min, max, size);
        for (long bound : new long[] {min, max}) {
            if (bound == Long.MIN_VALUE || bound == Long.MAX_VALUE) {
                continue;
            }
            try {
                parse(path, bound, size);
            } catch (ConfigException e) {
                assertTrue(e.errors().stream().noneMatch(line -> line.startsWith(shown)), e.errors().toString());
            }
        }
    }

    private static String rule(long min, long max, boolean size) {
        return ConfigBinder.rangeRule(min, max, n -> text(n, size));
    }

    private static String text(long n, boolean size) {
        return size ? ByteSize.ofBytes(n).toString() : Long.toString(n);
    }

    /** Builds a file that sets only {@code path} (list elements get a name so they are otherwise valid). */
    private static ApplianceConfig parse(String path, long value, boolean size) throws Exception {
        ObjectNode root = JSON.objectNode();
        ObjectNode at = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.endsWith("[]")) {
                ArrayNode list = at.putArray(part.substring(0, part.length() - 2));
                at = list.addObject();
                if ("partitions[]".equals(part)) {
                    at.put("name", "p");
                } else if ("cartridges[]".equals(part)) {
                    at.put("barcodes", "A00L9");
                }
            } else {
                at = at.putObject(part);
            }
        }
        String leaf = parts[parts.length - 1];
        if (size) {
            at.put(leaf, ByteSize.ofBytes(value).toString());
        } else {
            at.put(leaf, value);
        }
        return ConfigLoader.parse(new ObjectMapper().writeValueAsString(root), "range.yaml");
    }

    @org.junit.jupiter.api.Test
    void everyRangedKeyIsCovered() {
        assertEquals(18, rangedKeys().count(), "update the count when adding a ranged key");
    }
}
