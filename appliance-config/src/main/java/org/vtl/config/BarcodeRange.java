package org.vtl.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A run of volume tags that differ only in one decimal counter, e.g. {@code VTL000L9-VTL019L9}: prefix
 * {@code VTL}, counter 0..19 written with 3 digits, suffix {@code L9}. A single barcode is a run of one.
 * Barcodes are 1 to 16 characters of A-Z and 0-9 (the usable part of an SMC-3 primary volume tag).
 *
 * @param prefix the characters before the counter
 * @param first  the first counter value
 * @param last   the last counter value, at least {@code first}
 * @param width  the counter's digit count (leading zeros kept)
 * @param suffix the characters after the counter
 */
public record BarcodeRange(String prefix, long first, long last, int width, String suffix) {

    private static final Pattern BARCODE = Pattern.compile("[A-Z0-9]{1,16}");

    /**
     * Parses {@code FIRST-LAST} or a single barcode.
     *
     * @throws IllegalArgumentException with a message naming the rule that failed
     */
    public static BarcodeRange parse(String text) {
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw new IllegalArgumentException("must be FIRST-LAST or one barcode, was \"" + text + "\"");
        }
        for (String end : ends) {
            if (!BARCODE.matcher(end).matches()) {
                throw new IllegalArgumentException("barcodes must be 1 to 16 characters A-Z, 0-9, was \"" + end + "\"");
            }
        }
        String a = ends[0];
        String b = ends.length == 2 ? ends[1] : ends[0];
        if (a.length() != b.length()) {
            throw new IllegalArgumentException("first and last barcode must have the same length, was \"" + text + "\"");
        }
        int p = 0;
        while (p < a.length() && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        if (p == a.length()) {
            return single(a);
        }
        int end = a.length();
        while (end > p && a.charAt(end - 1) == b.charAt(end - 1)) {
            end--;
        }
        int start = p;
        while (start > 0 && Character.isDigit(a.charAt(start - 1))) {
            start--;
        }
        while (end < a.length() && Character.isDigit(a.charAt(end))) {
            end++;
        }
        String ca = a.substring(start, end);
        String cb = b.substring(start, end);
        if (!ca.chars().allMatch(Character::isDigit) || !cb.chars().allMatch(Character::isDigit) || ca.length() > 18) {
            throw new IllegalArgumentException("first and last barcode may differ only in one run of digits, was \""
                    + text + "\"");
        }
        long first = Long.parseLong(ca);
        long last = Long.parseLong(cb);
        if (first > last) {
            throw new IllegalArgumentException("first barcode must not come after the last, was \"" + text + "\"");
        }
        return new BarcodeRange(a.substring(0, start), first, last, end - start, a.substring(end));
    }

    private static BarcodeRange single(String barcode) {
        int end = barcode.length();
        while (end > 0 && !Character.isDigit(barcode.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isDigit(barcode.charAt(start - 1)) && end - start < 18) {
            start--;
        }
        if (start == end) {
            return new BarcodeRange(barcode, 0, 0, 0, "");
        }
        long n = Long.parseLong(barcode.substring(start, end));
        return new BarcodeRange(barcode.substring(0, start), n, n, end - start, barcode.substring(end));
    }

    /** How many barcodes the range holds. */
    public long count() {
        return last - first + 1;
    }

    /** The barcodes, in counter order. */
    public List<String> barcodes() {
        List<String> out = new ArrayList<>(Math.toIntExact(count()));
        for (long n = first; n <= last; n++) {
            out.add(barcode(n));
        }
        return out;
    }

    private String barcode(long n) {
        if (width == 0) {
            return prefix + suffix;
        }
        String digits = Long.toString(n);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits + suffix;
    }

    @Override
    public String toString() {
        return count() == 1 ? barcode(first) : barcode(first) + "-" + barcode(last);
    }
}
