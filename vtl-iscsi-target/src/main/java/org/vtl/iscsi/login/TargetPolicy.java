package org.vtl.iscsi.login;

/**
 * What login needs to know about a target: its name, alias, authentication and ACL.
 *
 * @param name  the target IQN
 * @param alias the TargetAlias sent at login, or {@code null}
 */
public record TargetPolicy(String name, String alias, TargetAuth auth, InitiatorAcl acl) {
}
