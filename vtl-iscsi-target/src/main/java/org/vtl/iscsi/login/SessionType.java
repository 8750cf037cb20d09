package org.vtl.iscsi.login;

/** SessionType key values (RFC 7143 13.21). */
public enum SessionType {
    DISCOVERY("Discovery"),
    NORMAL("Normal");

    private final String keyValue;

    SessionType(String keyValue) {
        this.keyValue = keyValue;
    }

    public String keyValue() {
        return keyValue;
    }

    /** The type for a key value, or {@code null}. */
    public static SessionType of(String value) {
        for (SessionType t : values()) {
            if (t.keyValue.equals(value)) {
                return t;
            }
        }
        return null;
    }
}
