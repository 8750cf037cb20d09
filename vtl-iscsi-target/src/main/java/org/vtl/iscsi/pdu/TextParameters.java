package org.vtl.iscsi.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text format of login and text PDUs (RFC 7143 6.1): {@code key=value} pairs, each ended by a NUL byte,
 * UTF-8. Keeps the order and duplicates as received, so negotiation can detect repeated keys.
 */
public final class TextParameters {

    /** The longest key name allowed (RFC 7143 6.1: 63 bytes). */
    public static final int MAX_KEY_LENGTH = 63;

    /** One key and its value. */
    public record Entry(String key, String value) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Parses text data; an item without '=' becomes a key with a {@code null} value. */
    public static TextParameters parse(byte[] text) {
        TextParameters out = new TextParameters();
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            if (i == text.length || text[i] == 0) {
                if (i > start) {
                    String item = new String(text, start, i - start, StandardCharsets.UTF_8);
                    int eq = item.indexOf('=');
                    out.entries.add(eq < 0 ? new Entry(item, null)
                            : new Entry(item.substring(0, eq), item.substring(eq + 1)));
                }
                start = i + 1;
            }
        }
        return out;
    }

    public TextParameters add(String key, String value) {
        entries.add(new Entry(key, value));
        return this;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The first value of a key, or {@code null}. */
    public String get(String key) {
        for (Entry e : entries) {
            if (e.key.equals(key)) {
                return e.value;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Encodes as key=value NUL ... */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            out.writeBytes(e.key.getBytes(StandardCharsets.UTF_8));
            out.write('=');
            out.writeBytes(String.valueOf(e.value).getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
