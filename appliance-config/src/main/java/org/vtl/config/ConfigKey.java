package org.vtl.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one key of the configuration file: its documentation and the simple range rule the loader
 * checks. Numbers are compared as given; sizes ({@link ByteSize}) in bytes; lists by their length.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ConfigKey {

    /** One sentence for docs/configuration.md. */
    String doc();

    /** Smallest allowed value (or list length). */
    long min() default Long.MIN_VALUE;

    /** Largest allowed value (or list length). */
    long max() default Long.MAX_VALUE;

    /** The key must be given (its default is not used). */
    boolean required() default false;
}
