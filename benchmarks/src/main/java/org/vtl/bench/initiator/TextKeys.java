package org.vtl.bench.initiator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/** The key=value text of Login and Text PDUs (RFC 7143 section 6.1): UTF-8 pairs, each ended by a NUL byte. */
public final class TextKeys {
    private TextKeys() {
    }

    public static byte[] encode(Map<String, String> keys) {
        StringBuilder sb = new StringBuilder();
        keys.forEach((k, v) -> sb.append(k).append('=').append(v).append('\0'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes the remaining bytes of {@code data}; a pair without '=' is a protocol error. */
    public static SequencedMap<String, String> decode(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        SequencedMap<String, String> keys = new LinkedHashMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IscsiException("malformed text key '" + pair + "'");
            }
            keys.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return keys;
    }
}
