package org.vtl.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Binds a parsed YAML tree to the configuration records, key by key, starting from defaults. Every problem
 * (unknown key, wrong type, missing required key, value out of its {@link ConfigKey} range) becomes one line in
 * {@code errors} and binding goes on with the default, so a file's errors are all reported together.
 */
final class ConfigBinder {

    private final List<String> errors;

    ConfigBinder(List<String> errors) {
        this.errors = errors;
    }

    /** Binds {@code node} (absent: {@code null}) to a record of {@code type}, filling missing keys from {@code defaults}. */
    <T> T bindRecord(JsonNode node, Class<T> type, T defaults, String path) {
        if (node != null && !node.isObject()) {
            errors.add(label(path) + "must be a mapping of keys, was " + describe(node));
            return defaults;
        }
        RecordComponent[] components = type.getRecordComponents();
        if (node != null) {
            reportUnknownKeys(node, components, path);
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            ConfigKey key = c.getAnnotation(ConfigKey.class);
            String childPath = path.isEmpty() ? c.getName() : path + "." + c.getName();
            Object fallback = defaults == null ? null : read(c, defaults);
            JsonNode child = node == null ? null : node.get(c.getName());
            if (child == null) {
                if (key.required() && fallback == null) {
                    errors.add(childPath + ": is required");
                }
                values[i] = fallback;
                continue;
            }
            values[i] = bindValue(child, c.getGenericType(), fallback, childPath);
            if (values[i] == null && key.required()) {
                errors.add(childPath + ": is required");
            }
            checkRange(values[i], key, childPath);
        }
        return construct(type, components, values);
    }

    private void reportUnknownKeys(JsonNode node, RecordComponent[] components, String path) {
        Set<String> known = Arrays.stream(components).map(RecordComponent::getName)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                errors.add((path.isEmpty() ? name : path + "." + name)
                        + ": unknown key (known keys: " + String.join(", ", known) + ")");
            }
        }
    }

    private Object bindValue(JsonNode node, Type type, Object fallback, String path) {
        Class<?> raw = rawClass(type);
        if (node.isNull() && nullable(raw)) {
            return raw == List.class ? List.of() : null;
        }
        if (raw == String.class) {
            return node.isValueNode() && !node.isNull() ? node.asText() : fail(path, "must be a text", node, fallback);
        }
        if (raw == int.class || raw == long.class) {
            boolean fits = raw == int.class ? node.canConvertToInt() : node.canConvertToLong();
            if (!node.isIntegralNumber() || !fits) {
                return fail(path, "must be a whole number", node, fallback);
            }
            return raw == int.class ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (raw == boolean.class) {
            return node.isBoolean() ? node.booleanValue() : fail(path, "must be true or false", node, fallback);
        }
        if (raw.isEnum()) {
            return bindEnum(node, raw, fallback, path);
        }
        if (raw == ByteSize.class) {
            return bindSize(node, fallback, path);
        }
        if (raw == List.class) {
            return bindList(node, ((ParameterizedType) type).getActualTypeArguments()[0], fallback, path);
        }
        if (raw.isRecord()) {
            Object defaults = fallback != null ? fallback : Defaults.template(raw);
            return bindRecord(node, cast(raw), defaults, path);
        }
        throw new IllegalStateException("no binding for " + type);
    }

    private Object bindEnum(JsonNode node, Class<?> raw, Object fallback, String path) {
        Object[] constants = raw.getEnumConstants();
        if (node.isTextual()) {
            for (Object constant : constants) {
                if (constant.toString().equalsIgnoreCase(node.asText())) {
                    return constant;
                }
            }
        }
        String allowed = Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
        return fail(path, "must be one of " + allowed, node, fallback);
    }

    private Object bindSize(JsonNode node, Object fallback, String path) {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return ByteSize.ofBytes(node.longValue());
        }
        if (node.isTextual()) {
            try {
                return ByteSize.parse(node.asText());
            } catch (IllegalArgumentException | ArithmeticException e) {
                return fail(path, "must be a size such as 256KiB, 16GiB or 18TB", node, fallback);
            }
        }
        return fail(path, "must be a size such as 256KiB, 16GiB or 18TB", node, fallback);
    }

    private Object bindList(JsonNode node, Type element, Object fallback, String path) {
        if (!node.isArray()) {
            return fail(path, "must be a list", node, fallback);
        }
        List<Object> out = new ArrayList<>(node.size());
        Class<?> raw = rawClass(element);
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            Object defaults = raw.isRecord() ? Defaults.template(raw) : null;
            Object value = raw.isRecord() ? bindRecord(node.get(i), cast(raw), defaults, at)
                    : bindValue(node.get(i), element, null, at);
            if (value != null) {
                out.add(value);
            } else if (!raw.isRecord()) {
                errors.add(at + ": must not be empty");
            }
        }
        return out;
    }

    private void checkRange(Object value, ConfigKey key, String path) {
        long min = key.min();
        long max = key.max();
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            if (v < min || v > max) {
                errors.add(path + ": " + rangeRule(min, max, Long::toString) + ", was " + v);
            }
        } else if (value instanceof ByteSize size) {
            if (size.bytes() < min || size.bytes() > max) {
                errors.add(path + ": " + rangeRule(min, max, n -> ByteSize.ofBytes(n).toString()) + ", was " + size);
            }
        } else if (value instanceof List<?> list) {
            if (list.size() < Math.max(min, 0) || list.size() > max) {
                errors.add(path + ": must have " + rangeRule(min, max, Long::toString).replace("must be ", "")
                        + " entries, was " + list.size());
            }
        }
    }

    static String rangeRule(long min, long max, java.util.function.LongFunction<String> format) {
        if (min == Long.MIN_VALUE) {
            return "must be at most " + format.apply(max);
        }
        if (max == Long.MAX_VALUE) {
            return "must be at least " + format.apply(min);
        }
        return "must be between " + format.apply(min) + " and " + format.apply(max);
    }

    private Object fail(String path, String rule, JsonNode node, Object fallback) {
        errors.add(path + ": " + rule + ", was " + describe(node));
        return fallback;
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "empty";
        }
        return node.isTextual() ? "\"" + node.asText() + "\"" : node.asText();
    }

    private static String label(String path) {
        return path.isEmpty() ? "(top level): " : path + ": ";
    }

    private static boolean nullable(Class<?> raw) {
        return raw == String.class || raw == ByteSize.class || raw == List.class || raw.isRecord();
    }

    static Class<?> rawClass(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static <T> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> cast(Class<?> raw) {
        return (Class<T>) raw;
    }
}
