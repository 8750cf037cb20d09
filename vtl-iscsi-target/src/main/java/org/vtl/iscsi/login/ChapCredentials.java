package org.vtl.iscsi.login;

import java.util.Objects;

/**
 * A CHAP name and secret. RFC 7143 12.1.3 asks for secrets of at least 12 bytes (96 bits) for MD5;
 * shorter secrets are refused here.
 */
public record ChapCredentials(String user, String secret) {

    public static final int MIN_SECRET_LENGTH = 12;

    public ChapCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("CHAP secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "ChapCredentials[user=" + user + ", secret=***]";
    }
}
