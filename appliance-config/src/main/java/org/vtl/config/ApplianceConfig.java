package org.vtl.config;

import java.util.List;

/**
 * The whole appliance in one file. A fresh data directory is seeded from it; afterwards the catalog owns
 * the state and the admin API changes it (design.md "One source of truth for state").
 */
public record ApplianceConfig(
        @ConfigKey(doc = "Directory for the catalog, the lock file, the admin token and the default pool members; "
                + "relative paths resolve against the working directory.")
        String dataDir,
        @ConfigKey(doc = "The RAID-6 pool the cartridges are stored on.")
        PoolConfig pool,
        @ConfigKey(doc = "The compression engine between the tape drives and the pool.")
        CompressionConfig compression,
        @ConfigKey(doc = "The iSCSI target: where initiators connect and the negotiation limits.")
        IscsiConfig iscsi,
        @ConfigKey(doc = "Library partitions; each one is its own iSCSI target with its own changer, drives and media.",
                max = 256)
        List<PartitionConfig> partitions,
        @ConfigKey(doc = "The admin HTTP API the vtl CLI talks to.")
        AdminConfig admin,
        @ConfigKey(doc = "Micrometer meters exposed as Prometheus text at GET /metrics of the admin API.")
        MetricsConfig metrics) {

    public ApplianceConfig {
        partitions = List.copyOf(partitions);
    }

    /** This configuration with another data directory (the {@code --data} option). */
    public ApplianceConfig withDataDir(String dir) {
        return new ApplianceConfig(dir, pool, compression, iscsi, partitions, admin, metrics);
    }

    /** This configuration with another admin API port (0: any free port). */
    public ApplianceConfig withAdminPort(int port) {
        return new ApplianceConfig(dataDir, pool, compression, iscsi, partitions,
                new AdminConfig(admin.listen(), port, admin.tokenFile()), metrics);
    }
}
