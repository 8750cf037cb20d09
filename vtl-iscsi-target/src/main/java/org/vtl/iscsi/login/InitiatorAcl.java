package org.vtl.iscsi.login;

import java.util.Set;

/**
 * Which initiator names may log in to a target (and see it in SendTargets). Names compare case-insensitively
 * because iSCSI names are normalized to lower case (RFC 7143 4.2.7.2, stringprep).
 */
public record InitiatorAcl(boolean anyInitiator, Set<String> initiators) {

    public InitiatorAcl {
        initiators = initiators.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static InitiatorAcl allowAll() {
        return new InitiatorAcl(true, Set.of());
    }

    public static InitiatorAcl of(Set<String> initiators) {
        return new InitiatorAcl(false, initiators);
    }

    public boolean allows(String initiatorName) {
        return anyInitiator || initiatorName != null
                && initiators.contains(initiatorName.toLowerCase(java.util.Locale.ROOT));
    }
}
