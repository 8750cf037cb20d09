package org.vtl.admin;

import java.util.List;

/**
 * {@code GET /health}: whether the appliance serves everything it is configured for, and each component.
 *
 * @param status        {@code serving} when every component runs, {@code partial} when some are not available,
 *                      {@code failing} when one failed
 * @param version       the appliance version
 * @param uptimeSeconds seconds since start
 * @param dataDir       the data directory
 * @param components    in startup order
 */
public record HealthView(String status, String version, long uptimeSeconds, String dataDir,
                         List<ComponentStatus> components) {

    /** The overall status for a list of components. */
    public static String statusOf(List<ComponentStatus> components) {
        if (components.stream().anyMatch(c -> c.state() == ComponentStatus.State.FAILED)) {
            return "failing";
        }
        return components.stream().allMatch(c -> c.state() == ComponentStatus.State.RUNNING) ? "serving" : "partial";
    }
}
