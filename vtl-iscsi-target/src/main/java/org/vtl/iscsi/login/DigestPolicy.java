package org.vtl.iscsi.login;

import java.util.List;

/** Which HeaderDigest/DataDigest values the target accepts (RFC 7143 13.1), in the order it prefers them. */
public enum DigestPolicy {
    /** Only None. */
    NONE(List.of("None")),
    /** Whatever the initiator prefers first: CRC32C or None. */
    OPTIONAL(List.of("CRC32C", "None")),
    /** Only CRC32C: an initiator that offers no CRC32C gets Reject and the login fails. */
    REQUIRED(List.of("CRC32C"));

    private final List<String> accepted;

    DigestPolicy(List<String> accepted) {
        this.accepted = accepted;
    }

    public List<String> accepted() {
        return accepted;
    }
}
