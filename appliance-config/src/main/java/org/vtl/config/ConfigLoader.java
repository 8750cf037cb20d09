package org.vtl.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the appliance's YAML file: parses it, binds it over the embedded default and checks every rule,
 * reporting all problems of the file together in one {@link ConfigException}.
 */
public final class ConfigLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /** The embedded default appliance. */
    public static ApplianceConfig defaults() {
        return Defaults.appliance();
    }

    /** Loads and validates {@code file}. */
    public static ApplianceConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: it does not exist"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /** Parses and validates YAML text; {@code source} names it in messages. Keys not given keep their defaults. */
    public static ApplianceConfig parse(String yaml, String source) throws ConfigException {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ConfigException(source, List.of(where + "not valid YAML: " + firstLine(e.getOriginalMessage())));
        }
        List<String> errors = new ArrayList<>();
        ApplianceConfig config = defaults();
        if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
            config = new ConfigBinder(errors).bindRecord(tree, ApplianceConfig.class, config, "");
        }
        new ConfigValidator(errors).validate(config);
        if (!errors.isEmpty()) {
            throw new ConfigException(source, errors);
        }
        return config;
    }

    /** Checks a configuration built in code (for example after {@code --data} replaced the data directory). */
    public static void validate(ApplianceConfig config, String source) throws ConfigException {
        List<String> errors = new ArrayList<>();
        new ConfigValidator(errors).validate(config);
        if (!errors.isEmpty()) {
            throw new ConfigException(source, errors);
        }
    }

    /**
     * Binds one partition given in the file's form (JSON or YAML tree) over {@code base} and checks the partition's
     * own rules; {@code path} prefixes the field names in messages. Uniqueness across partitions is the caller's.
     */
    public static PartitionConfig partition(JsonNode node, PartitionConfig base, String path) throws ConfigException {
        List<String> errors = new ArrayList<>();
        PartitionConfig partition = new ConfigBinder(errors).bindRecord(node, PartitionConfig.class,
                base == null ? (PartitionConfig) Defaults.template(PartitionConfig.class) : base, path);
        new ConfigValidator(errors).partition(partition, path, new java.util.HashSet<>(), new java.util.HashSet<>(),
                new java.util.HashMap<>());
        if (!errors.isEmpty()) {
            throw new ConfigException(path, errors);
        }
        return partition;
    }

    /**
     * Binds one cartridge range in the file's form and checks it against the partition that will own it (media its
     * drives write, capacity, barcode form and suffix); whether the slots have room is the caller's.
     */
    public static CartridgeRange cartridges(JsonNode node, PartitionConfig owner, String path) throws ConfigException {
        List<String> errors = new ArrayList<>();
        CartridgeRange range = new ConfigBinder(errors).bindRecord(node, CartridgeRange.class,
                (CartridgeRange) Defaults.template(CartridgeRange.class), path);
        new ConfigValidator(errors).cartridges(owner, range, path, new java.util.HashMap<>());
        if (!errors.isEmpty()) {
            throw new ConfigException(path, errors);
        }
        return range;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
