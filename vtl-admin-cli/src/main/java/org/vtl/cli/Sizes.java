package org.vtl.cli;

import java.util.Locale;

import org.vtl.config.ByteSize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Sizes on the command line ({@code 10TB}, {@code 512GiB}) and in tables. */
final class Sizes implements ITypeConverter<ByteSize> {

    @Override
    public ByteSize convert(String value) {
        try {
            return ByteSize.parse(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a size; use e.g. 512GiB or 10TB");
        }
    }

    /** A size for people: decimal units with one decimal, as disk vendors print them. */
    static String human(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
