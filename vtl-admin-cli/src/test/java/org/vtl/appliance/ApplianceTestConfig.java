package org.vtl.appliance;

import java.nio.file.Path;

import org.vtl.config.ApplianceConfig;

/** The configuration the daemon tests run: the embedded default, small sparse members, a free admin port. */
public final class ApplianceTestConfig {

    private ApplianceTestConfig() {
    }

    public static ApplianceConfig small(Path data) {
        return ApplianceTest.config(data);
    }

    /** As {@link #small}, accepting at most {@code maxSessions} iSCSI sessions. */
    public static ApplianceConfig withMaxSessions(Path data, int maxSessions) {
        try {
            return org.vtl.config.ConfigLoader.parse("pool: {members: {size: 64MiB}}\niscsi: {portals: [\"127.0.0.1:0\"], "
                    + "maxSessions: " + maxSessions + "}\n", "test").withDataDir(data.toString()).withAdminPort(0);
        } catch (org.vtl.config.ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
    }
}
