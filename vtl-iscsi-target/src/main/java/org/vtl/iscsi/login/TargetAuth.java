package org.vtl.iscsi.login;

/**
 * How initiators must authenticate to one target (or to discovery). With {@code initiatorChap} set, the
 * target offers CHAP; {@code allowNone} additionally accepts AuthMethod=None. {@code targetChap} is what the
 * target answers when the initiator asks for mutual CHAP; without it a mutual request fails.
 *
 * @param allowNone      AuthMethod=None accepted
 * @param initiatorChap  the credentials initiators prove (one-way CHAP), or {@code null}
 * @param targetChap     the credentials the target proves back (mutual CHAP), or {@code null}
 */
public record TargetAuth(boolean allowNone, ChapCredentials initiatorChap, ChapCredentials targetChap) {

    public TargetAuth {
        if (!allowNone && initiatorChap == null) {
            throw new IllegalArgumentException("a target without AuthMethod=None needs CHAP credentials");
        }
        if (targetChap != null && initiatorChap == null) {
            throw new IllegalArgumentException("mutual CHAP needs the initiator's credentials too");
        }
        if (targetChap != null && targetChap.secret().equals(initiatorChap.secret())) {
            throw new IllegalArgumentException("mutual CHAP secrets must differ (RFC 7143 12.1.3)");
        }
    }

    /** No authentication. */
    public static TargetAuth none() {
        return new TargetAuth(true, null, null);
    }

    /** One-way CHAP required. */
    public static TargetAuth chap(String user, String secret) {
        return new TargetAuth(false, new ChapCredentials(user, secret), null);
    }

    /** Mutual CHAP available (the initiator may ask the target to prove itself). */
    public static TargetAuth mutualChap(String user, String secret, String targetUser, String targetSecret) {
        return new TargetAuth(false, new ChapCredentials(user, secret),
                new ChapCredentials(targetUser, targetSecret));
    }
}
