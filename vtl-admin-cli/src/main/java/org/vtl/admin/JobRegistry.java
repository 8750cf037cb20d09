package org.vtl.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long operations (rebuild, scrub, erase, creating many cartridges, pool expansion) run here as jobs with an id,
 * progress, rate and ETA, and can be cancelled. Owns threads: one virtual thread per running job.
 * Keeps the last {@value #KEEP_FINISHED} finished jobs for {@code vtl job list}.
 */
public final class JobRegistry implements AutoCloseable {

    /** The work of a job; returns what it produced (shown as the job's result) or throws to fail it. */
    @FunctionalInterface
    public interface Body {
        Object run(JobProgress progress) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobRegistry.class);
    private static final int KEEP_FINISHED = 100;

    private final Map<Long, Job> jobs = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("vtl-job-", 1).factory());

    /** Starts {@code body} as a job and returns its first view. */
    public JobView submit(String kind, String description, String unit, Body body) {
        Job job = new Job(ids.incrementAndGet(), kind, description, unit);
        jobs.put(job.id, job);
        trim();
        job.future = threads.submit(() -> job.run(body));
        LOG.info("job {} started: {}", job.id, description);
        return job.view();
    }

    public List<JobView> list() {
        return jobs.values().stream().map(Job::view).toList();
    }

    /** @throws ApiException not_found */
    public JobView get(long id) {
        return find(id).view();
    }

    /**
     * Asks a running job to stop; it ends CANCELLED at its next safe point.
     *
     * @throws ApiException conflict when it has already finished
     */
    public JobView cancel(long id) {
        Job job = find(id);
        if (job.state().finished()) {
            throw ApiException.conflict("job " + id + " has already finished (" + job.state().name().toLowerCase(
                    java.util.Locale.ROOT) + "); nothing to cancel");
        }
        job.cancelled = true;
        return job.view();
    }

    /** Waits up to {@code max} for the job to finish and returns its view (finished or not). */
    public JobView await(long id, Duration max) throws InterruptedException {
        Job job = find(id);
        synchronized (job) {
            long deadline = System.nanoTime() + max.toNanos();
            while (!job.state().finished()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(job, left);
            }
        }
        return job.view();
    }

    /** Number of jobs still running. */
    public long running() {
        return jobs.values().stream().filter(j -> !j.state().finished()).count();
    }

    private Job find(long id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw ApiException.notFound("no job " + id + "; vtl job list shows the jobs of this daemon run");
        }
        return job;
    }

    private void trim() {
        List<Job> finished = new ArrayList<>(jobs.values().stream().filter(j -> j.state().finished()).toList());
        for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
            jobs.remove(finished.get(i).id);
        }
    }

    /** Cancels what still runs and waits a little for it to stop. */
    @Override
    public void close() throws InterruptedException {
        jobs.values().forEach(j -> j.cancelled = true);
        threads.shutdown();
        if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }

    /** One job's mutable state; its own thread writes progress, any thread reads a view. */
    private static final class Job implements JobProgress {
        final long id;
        final String kind;
        final String description;
        final String unit;
        final Instant started = Instant.now();
        final long startNanos = System.nanoTime();
        final AtomicLong done = new AtomicLong();
        volatile long total;
        volatile boolean cancelled;
        volatile JobView.State state = JobView.State.RUNNING;
        volatile Instant finished;
        volatile String error;
        volatile Object result;
        volatile java.util.concurrent.Future<?> future;

        Job(long id, String kind, String description, String unit) {
            this.id = id;
            this.kind = kind;
            this.description = description;
            this.unit = unit;
        }

        void run(Body body) {
            JobView.State end;
            try {
                result = body.run(this);
                end = cancelled ? JobView.State.CANCELLED : JobView.State.SUCCEEDED;
            } catch (ApiException e) {
                error = e.getMessage();
                end = JobView.State.FAILED;
            } catch (InterruptedException e) {
                end = JobView.State.CANCELLED;
            } catch (Exception | Error e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                end = JobView.State.FAILED;
                LOG.error("job {} ({}) failed", id, description, e);
            }
            finished = Instant.now();
            synchronized (this) {
                state = end;
                notifyAll();
            }
            LOG.info("job {} {}: {}", id, end.name().toLowerCase(java.util.Locale.ROOT), description);
        }

        JobView.State state() {
            return state;
        }

        @Override
        public void total(long total) {
            this.total = total;
        }

        @Override
        public void advance(long n) {
            done.addAndGet(n);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        JobView view() {
            long d = done.get();
            long t = total;
            double seconds = Math.max(1e-3, Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9);
            double rate = d / seconds;
            Long eta = state == JobView.State.RUNNING && t > 0 && rate > 0 ? (long) Math.ceil((t - d) / rate) : null;
            return new JobView(id, kind, description, state, d, t, unit, rate, eta, started.toString(),
                    finished == null ? null : finished.toString(), error, result);
        }
    }
}
