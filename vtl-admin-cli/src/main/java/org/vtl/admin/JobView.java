package org.vtl.admin;

/**
 * A long operation running in the daemon.
 *
 * @param id          job id, {@code 1, 2, ...} per daemon run
 * @param kind        {@code cartridge-create}, {@code cartridge-erase}, {@code pool-scrub}, ...
 * @param description one line: what it does
 * @param state       running, succeeded, failed, cancelled
 * @param done        finished work, in {@code unit}
 * @param total       total work (0 while unknown)
 * @param unit        what is counted
 * @param ratePerSec  recent rate in {@code unit} per second
 * @param etaSeconds  estimated seconds left, or {@code null} when unknown
 * @param startedAt   ISO-8601 start time
 * @param finishedAt  ISO-8601 end time, or {@code null}
 * @param error       why it failed, or {@code null}
 * @param result      what it produced (for example the created cartridges), or {@code null}
 */
public record JobView(long id, String kind, String description, State state, long done, long total, String unit,
                      double ratePerSec, Long etaSeconds, String startedAt, String finishedAt, String error,
                      Object result) {

    /** The life of a job. */
    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED;

        public boolean finished() {
            return this != RUNNING;
        }
    }
}
