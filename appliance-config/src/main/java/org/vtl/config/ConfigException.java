package org.vtl.config;

import java.util.List;

/** A configuration file that cannot be used; {@link #errors()} holds one line per problem, all of them. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public ConfigException(String source, List<String> errors) {
        super(source + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "\n  "
                + String.join("\n  ", errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** One line per problem: {@code field.path: rule, was value}. */
    public List<String> errors() {
        return errors;
    }
}
