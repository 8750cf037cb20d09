package org.vtl.admin;

/**
 * What one part of the appliance is doing, as {@code /health} and {@code vtl status} show it.
 *
 * @param name   the component, in startup order: data directory, catalog, pool, ...
 * @param state  running, not available in this build, failed, stopped
 * @param detail one line: what it serves, or why not
 */
public record ComponentStatus(String name, State state, String detail) {

    /** The life of a component. */
    public enum State {
        /** Started and serving. */
        RUNNING,
        /** Not part of this build: the appliance serves without it. */
        NOT_AVAILABLE,
        /** Failed while running. */
        FAILED,
        /** Shut down. */
        STOPPED
    }

    public static ComponentStatus running(String name, String detail) {
        return new ComponentStatus(name, State.RUNNING, detail);
    }

    public static ComponentStatus notAvailable(String name, String detail) {
        return new ComponentStatus(name, State.NOT_AVAILABLE, detail);
    }
}
