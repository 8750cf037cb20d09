package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.vtl.config.ByteSize;

/**
 * The JSON schema check of the CLI's --json output: the document has exactly the fields of the API's view record,
 * recursively, with JSON types that match the components' Java types.
 */
final class JsonShape {

    private JsonShape() {
    }

    static void assertShape(JsonNode node, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (node.isNull()) {
            assertTrue(!raw.isPrimitive(), path + ": null for primitive " + raw.getSimpleName());
            return;
        }
        if (raw == List.class) {
            assertTrue(node.isArray(), path + ": expected an array, was " + node.getNodeType());
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                assertShape(node.get(i), element, path + "[" + i + "]");
            }
        } else if (raw == String.class || raw.isEnum() || raw == ByteSize.class) {
            assertTrue(node.isTextual(), path + ": expected a string, was " + node.getNodeType());
        } else if (raw == boolean.class || raw == Boolean.class) {
            assertTrue(node.isBoolean(), path + ": expected a boolean, was " + node.getNodeType());
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            assertTrue(node.isIntegralNumber(), path + ": expected an integer, was " + node.getNodeType());
        } else if (raw == double.class || raw == Double.class) {
            assertTrue(node.isNumber(), path + ": expected a number, was " + node.getNodeType());
        } else if (raw.isRecord()) {
            assertTrue(node.isObject(), path + ": expected an object, was " + node.getNodeType());
            Set<String> expected = Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> actual = new TreeSet<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                actual.add(it.next());
            }
            assertEquals(expected, actual, path + ": fields of " + raw.getSimpleName());
            for (RecordComponent c : raw.getRecordComponents()) {
                assertShape(node.get(c.getName()), c.getGenericType(), path + "." + c.getName());
            }
        }
        // Object-typed components (a job's result) may hold any JSON.
    }

    /** A list of {@code element} records. */
    static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
