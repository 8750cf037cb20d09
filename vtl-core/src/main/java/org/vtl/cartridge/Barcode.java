package org.vtl.cartridge;

import java.util.Optional;

/**
 * A validated cartridge volume tag: 6 to 8 characters, uppercase ASCII letters and digits only, ending with
 * an LTO media suffix that fixes the media type ({@code L5}..{@code L9} for rewritable media,
 * {@code LV}..{@code LZ} for the WORM media of LTO-5..9). Because only {@code [A-Z0-9]} is accepted, a
 * barcode can never name a path (no separator, dot or control character), so it is safe as a key anywhere.
 *
 * @param value     the whole label, e.g. {@code ABC123L9}
 * @param mediaType the media generation the suffix names
 * @param worm      the suffix names WORM media
 */
public record Barcode(String value, MediaType mediaType, boolean worm) {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 8;

    /** WORM suffix letters, index = generation - 5 (LTO Ultrium labelling: LV = LTO-5 .. LZ = LTO-9). */
    private static final String WORM_LETTERS = "VWXYZ";

    public Barcode {
        if (!isValid(value) || mediaOf(value) != mediaType || wormOf(value) != worm) {
            throw new IllegalArgumentException("invalid barcode or suffix mismatch: " + printable(value));
        }
    }

    /** Parses a label; empty when it is not a valid LTO barcode. */
    public static Optional<Barcode> parse(String label) {
        if (!isValid(label)) {
            return Optional.empty();
        }
        return Optional.of(new Barcode(label, mediaOf(label), wormOf(label)));
    }

    /** Parses a label or throws {@link IllegalArgumentException} naming why. */
    public static Barcode of(String label) {
        return parse(label).orElseThrow(() -> new IllegalArgumentException(
                "invalid barcode (6-8 of A-Z 0-9 ending in an LTO suffix such as L9): " + printable(label)));
    }

    /** True when {@code label} is a valid barcode. */
    public static boolean isValid(String label) {
        if (label == null || label.length() < MIN_LENGTH || label.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return mediaOf(label) != null;
    }

    /** The suffix for a media type, e.g. {@code L9}, or {@code LZ} for LTO-9 WORM. */
    public static String suffix(MediaType type, boolean worm) {
        return worm ? "L" + WORM_LETTERS.charAt(type.generation() - 5) : type.barcodeSuffix();
    }

    private static MediaType mediaOf(String label) {
        if (label == null || label.length() < 2 || label.charAt(label.length() - 2) != 'L') {
            return null;
        }
        char g = label.charAt(label.length() - 1);
        for (MediaType type : MediaType.values()) {
            if (type.barcodeSuffix().charAt(1) == g || WORM_LETTERS.charAt(type.generation() - 5) == g) {
                return type;
            }
        }
        return null;
    }

    private static boolean wormOf(String label) {
        return WORM_LETTERS.indexOf(label.charAt(label.length() - 1)) >= 0;
    }

    private static String printable(String label) {
        if (label == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        label.codePoints().limit(16).forEach(cp -> sb.append(cp >= 0x20 && cp < 0x7F ? (char) cp : '?'));
        return sb.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
