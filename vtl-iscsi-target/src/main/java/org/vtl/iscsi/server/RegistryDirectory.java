package org.vtl.iscsi.server;

import org.vtl.iscsi.login.TargetPolicy;
import org.vtl.iscsi.session.TargetDirectory;
import org.vtl.scsi.LogicalUnit;

import java.util.List;
import java.util.Map;

/** The sessions' view of the live {@link TargetRegistry}. */
final class RegistryDirectory implements TargetDirectory {

    private final TargetRegistry registry;

    RegistryDirectory(TargetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public TargetPolicy policy(String targetName) {
        return registry.find(targetName).map(TargetDefinition::policy).orElse(null);
    }

    @Override
    public Map<Long, LogicalUnit> luns(String targetName) {
        return targetName == null ? Map.of()
                : registry.find(targetName).map(TargetDefinition::luns).orElse(Map.of());
    }

    @Override
    public List<TargetPolicy> targets() {
        return registry.targets().stream().map(TargetDefinition::policy).toList();
    }
}
