package org.vtl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRegistryTest {

    private final JobRegistry jobs = new JobRegistry();

    @AfterEach
    void close() throws InterruptedException {
        jobs.close();
    }

    private JobView finished(JobView job) throws InterruptedException {
        JobView v = jobs.await(job.id(), Duration.ofSeconds(20));
        assertTrue(v.state().finished(), v.toString());
        return v;
    }

    @Test
    void jobRunsToSuccessWithItsProgressAndResult() throws Exception {
        JobView started = jobs.submit("test", "count to 5", "things", p -> {
            p.total(5);
            p.advance(5);
            return "done";
        });
        assertEquals(1, started.id());
        JobView v = finished(started);
        assertEquals(JobView.State.SUCCEEDED, v.state());
        assertEquals(5, v.done());
        assertEquals(5, v.total());
        assertEquals("things", v.unit());
        assertEquals("done", v.result());
        assertNull(v.etaSeconds());
        assertTrue(v.finishedAt() != null);
    }

    @Test
    void refusalFailsTheJobWithItsMessage() throws Exception {
        JobView v = finished(jobs.submit("test", "refuse", "x", p -> {
            throw ApiException.conflict("no room");
        }));
        assertEquals(JobView.State.FAILED, v.state());
        assertEquals("no room", v.error());
    }

    @Test
    void cancelledJobEndsCancelled() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        JobView started = jobs.submit("test", "wait for cancel", "x", p -> {
            running.countDown();
            while (!p.cancelled()) {
                Thread.sleep(1);
            }
            return null;
        });
        running.await();
        assertEquals(JobView.State.RUNNING, jobs.get(started.id()).state());
        jobs.cancel(started.id());
        assertEquals(JobView.State.CANCELLED, finished(started).state());
    }

    @Test
    void cancellingAFinishedJobIsAConflict() throws Exception {
        JobView v = finished(jobs.submit("test", "quick", "x", p -> null));
        ApiException e = assertThrows(ApiException.class, () -> jobs.cancel(v.id()));
        assertEquals(409, e.status());
    }

    @Test
    void unknownJobIsNotFound() {
        ApiException e = assertThrows(ApiException.class, () -> jobs.get(42));
        assertEquals(404, e.status());
    }

    @Test
    void runningJobHasAnEtaFromItsRate() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobView started = jobs.submit("test", "half", "x", p -> {
            p.total(100);
            p.advance(50);
            halfway.countDown();
            release.await();
            return null;
        });
        halfway.await();
        JobView v = jobs.get(started.id());
        assertEquals(50, v.done());
        assertTrue(v.ratePerSec() > 0);
        assertTrue(v.etaSeconds() != null && v.etaSeconds() >= 0);
        release.countDown();
        finished(started);
    }
}
