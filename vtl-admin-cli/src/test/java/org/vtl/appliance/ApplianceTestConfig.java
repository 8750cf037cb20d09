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
}
