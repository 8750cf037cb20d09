package org.vtl.admin;

import java.util.regex.Pattern;

/**
 * Which cartridges {@code vtl cartridge list} wants; {@code null} fields match everything.
 *
 * @param partition owning partition
 * @param location  where they are
 * @param barcode   a glob on the barcode: {@code *} any run, {@code ?} one character
 */
public record CartridgeFilter(String partition, CartridgeView.Location location, String barcode) {

    /** True when {@code c} passes the filter. */
    public boolean matches(CartridgeView c) {
        return (partition == null || partition.equals(c.partition()))
                && (location == null || location == c.location())
                && (barcode == null || glob(barcode).matcher(c.barcode()).matches());
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
