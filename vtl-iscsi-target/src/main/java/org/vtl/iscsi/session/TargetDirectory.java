package org.vtl.iscsi.session;

import org.vtl.iscsi.login.TargetPolicy;
import org.vtl.scsi.LogicalUnit;

import java.util.List;
import java.util.Map;

/** The targets as sessions see them: policies for login, LUN maps for commands. Thread-safe. */
public interface TargetDirectory {

    /** The target's policy, or {@code null} if there is no such target (any more). */
    TargetPolicy policy(String targetName);

    /** The target's logical units by LUN; empty if the target is gone. */
    Map<Long, LogicalUnit> luns(String targetName);

    /** All targets, in name order. */
    List<TargetPolicy> targets();
}
