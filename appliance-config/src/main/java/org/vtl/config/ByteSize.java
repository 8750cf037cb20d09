package org.vtl.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes as written in the configuration: a plain number of bytes or a number with a binary
 * (KiB, MiB, GiB, TiB) or decimal (KB, MB, GB, TB) unit. Printed in the largest unit that divides it exactly.
 *
 * @param bytes the size in bytes, never negative
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*([KMGT]i?B|B)?", Pattern.CASE_INSENSITIVE);
    private static final String[] BINARY = {"TiB", "GiB", "MiB", "KiB"};
    private static final String[] DECIMAL = {"TB", "GB", "MB", "KB"};

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    public static ByteSize ofKiB(long n) {
        return new ByteSize(Math.multiplyExact(n, 1L << 10));
    }

    public static ByteSize ofMiB(long n) {
        return new ByteSize(Math.multiplyExact(n, 1L << 20));
    }

    public static ByteSize ofGiB(long n) {
        return new ByteSize(Math.multiplyExact(n, 1L << 30));
    }

    /**
     * Parses {@code 256KiB}, {@code 18TB}, {@code 4096}.
     *
     * @throws IllegalArgumentException when the text is not a size or overflows a long
     */
    public static ByteSize parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "KIB" -> 1L << 10;
            case "MIB" -> 1L << 20;
            case "GIB" -> 1L << 30;
            case "TIB" -> 1L << 40;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            default -> 1L;
        };
        return new ByteSize(Math.multiplyExact(n, factor));
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonValue
    public String toString() {
        if (bytes == 0) {
            return "0B";
        }
        String binary = exact(BINARY, 1024);
        String decimal = exact(DECIMAL, 1000);
        if (binary == null || decimal == null) {
            return binary != null ? binary : decimal != null ? decimal : bytes + "B";
        }
        return decimal.length() < binary.length() ? decimal : binary;
    }

    private String exact(String[] units, long base) {
        for (int i = 0; i < units.length; i++) {
            long factor = 1;
            for (int k = i; k < units.length; k++) {
                factor *= base;
            }
            if (bytes % factor == 0) {
                return bytes / factor + units[i];
            }
        }
        return null;
    }
}
