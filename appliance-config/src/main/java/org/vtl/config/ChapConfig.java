package org.vtl.config;

/** CHAP credentials (RFC 7143 12.1.3): the initiator's user and secret, and optionally the target's for mutual CHAP. */
public record ChapConfig(
        @ConfigKey(doc = "CHAP user name the initiator sends.", required = true)
        String user,
        @ConfigKey(doc = "CHAP secret, 12 to 16 characters (RFC 7143 12.1.3 and common initiators).", required = true)
        String secret,
        @ConfigKey(doc = "User name the target answers with for mutual CHAP; empty: one-way CHAP.")
        String mutualUser,
        @ConfigKey(doc = "Target secret for mutual CHAP, 12 to 16 characters, different from secret.")
        String mutualSecret) {
}
