package org.vtl.admin;

/** How a long operation reports progress and learns it was cancelled. Calls come from the job's own thread. */
public interface JobProgress {

    /** Sets the amount of work, in the job's unit (stripes, cartridges, bytes). */
    void total(long total);

    /** Adds finished work. */
    void advance(long done);

    /** True once cancelled; the operation should stop at the next safe point and return. */
    boolean cancelled();

    /** A progress that records nothing and is never cancelled. */
    JobProgress NONE = new JobProgress() {
        @Override
        public void total(long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
