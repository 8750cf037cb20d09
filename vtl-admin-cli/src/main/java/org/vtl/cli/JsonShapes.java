package org.vtl.cli;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.vtl.admin.CapacityPlan;
import org.vtl.admin.CartridgeView;
import org.vtl.admin.DriveView;
import org.vtl.admin.JobView;
import org.vtl.admin.PartitionView;
import org.vtl.admin.PoolView;
import org.vtl.admin.RebuildView;
import org.vtl.admin.StatsView;
import org.vtl.admin.StatusView;
import org.vtl.config.ByteSize;

/**
 * The JSON schema of {@code --json} output, derived from the admin API's view records: for each document, every
 * field as a dotted path with its JSON type. Rendered into docs/cli.md by {@link CliReference}; the tests check
 * real output against the same records.
 */
final class JsonShapes {

    /** Which commands print which document. */
    static final Map<Class<?>, String> DOCUMENTS = new LinkedHashMap<>();

    static {
        DOCUMENTS.put(StatusView.class, "`vtl status`");
        DOCUMENTS.put(PartitionView.class, "`vtl partition create|show|set`, `vtl slot resize`; "
                + "`vtl partition list` prints an array of them");
        DOCUMENTS.put(DriveView.class, "`vtl drive list|add` print an array of them");
        DOCUMENTS.put(CartridgeView.class, "`vtl cartridge show|import|export|write-protect`; "
                + "`vtl cartridge list` prints an array of them");
        DOCUMENTS.put(PoolView.class, "`vtl pool status`");
        DOCUMENTS.put(RebuildView.class, "`vtl pool rebuild-status`");
        DOCUMENTS.put(StatsView.class, "`vtl stats`");
        DOCUMENTS.put(CapacityPlan.Answer.class, "`vtl capacity plan`");
        DOCUMENTS.put(JobView.class, "`vtl cartridge create|erase`, `vtl pool add-group|replace-member|scrub`, "
                + "`vtl job show|cancel` (the job; with waiting, the finished job); `vtl job list` prints an array");
    }

    private JsonShapes() {
    }

    /** The markdown section. */
    static String render() {
        StringBuilder md = new StringBuilder("## JSON output\n\n")
                .append("With `--json` a command prints exactly one JSON document on stdout and nothing else; ")
                .append("commands that only delete print `null`. Field names and types (generated from the API's ")
                .append("records; `T[]` is an array, `?` may be null):\n\n");
        for (Map.Entry<Class<?>, String> doc : DOCUMENTS.entrySet()) {
            md.append("### ").append(doc.getKey().getSimpleName()).append("\n\n").append(doc.getValue())
                    .append(".\n\n| Field | JSON type |\n|---|---|\n");
            fields(md, doc.getKey(), "");
            md.append('\n');
        }
        return md.toString();
    }

    private static void fields(StringBuilder md, Class<?> record, String prefix) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            Type type = c.getGenericType();
            md.append("| `").append(path).append("` | ").append(type(type)).append(" |\n");
            Class<?> raw = raw(type);
            if (raw == List.class) {
                Class<?> element = raw(((ParameterizedType) type).getActualTypeArguments()[0]);
                if (isObject(element)) {
                    fields(md, element, path + "[].");
                }
            } else if (isObject(raw)) {
                fields(md, raw, path + ".");
            }
        }
    }

    private static boolean isObject(Class<?> raw) {
        return raw.isRecord() && raw != ByteSize.class;
    }

    private static String type(Type type) {
        Class<?> raw = raw(type);
        if (raw == List.class) {
            return type(((ParameterizedType) type).getActualTypeArguments()[0]) + "[]";
        }
        if (raw.isEnum()) {
            return "string: " + Arrays.stream(raw.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(" \\| "));
        }
        if (raw.isPrimitive()) {
            return raw == boolean.class ? "boolean" : raw == double.class ? "number" : "integer";
        }
        if (raw == Long.class || raw == Integer.class) {
            return "integer?";
        }
        if (raw == Double.class) {
            return "number?";
        }
        if (raw == Boolean.class) {
            return "boolean?";
        }
        if (raw == String.class) {
            return "string?";
        }
        if (raw == ByteSize.class) {
            return "string? (size, e.g. 16GiB)";
        }
        if (raw == Object.class) {
            return "any?";
        }
        return "object?";
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
