package org.vtl.iscsi.server;

import org.vtl.iscsi.login.InitiatorAcl;
import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.login.TargetPolicy;
import org.vtl.scsi.LogicalUnit;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One iSCSI target (one library partition): its IQN, alias, logical units by LUN, authentication and
 * initiator ACL. Which LUN is the changer and which the drives is the assembly's choice (the appliance puts
 * the changer at LUN 0). REPORT LUNS answers exactly these LUNs.
 *
 * @param iqn   the target name, e.g. {@code iqn.2026-11.org.vtl:default} (stored lower case, RFC 7143 4.2.7)
 * @param alias TargetAlias, or {@code null}
 * @param luns  logical units by LUN number (0..16383)
 */
public record TargetDefinition(String iqn, String alias, Map<Long, LogicalUnit> luns, TargetAuth auth,
                               InitiatorAcl acl) {

    /** Largest LUN this target addresses (flat space addressing, SAM-5 4.7.7). */
    public static final long MAX_LUN = 16383;

    public TargetDefinition {
        Objects.requireNonNull(iqn, "iqn");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(acl, "acl");
        if (!(iqn.startsWith("iqn.") || iqn.startsWith("eui.") || iqn.startsWith("naa.")) || iqn.length() > 223) {
            throw new IllegalArgumentException("not an iSCSI name: " + iqn);
        }
        iqn = iqn.toLowerCase(Locale.ROOT);
        TreeMap<Long, LogicalUnit> copy = new TreeMap<>(luns);
        for (Long lun : copy.keySet()) {
            if (lun < 0 || lun > MAX_LUN) {
                throw new IllegalArgumentException("LUN " + lun + " outside 0.." + MAX_LUN);
            }
        }
        luns = Collections.unmodifiableMap(copy);
    }

    /** An open target: no authentication, every initiator allowed. */
    public static TargetDefinition open(String iqn, Map<Long, LogicalUnit> luns) {
        return new TargetDefinition(iqn, null, luns, TargetAuth.none(), InitiatorAcl.allowAll());
    }

    public TargetPolicy policy() {
        return new TargetPolicy(iqn, alias, auth, acl);
    }
}
