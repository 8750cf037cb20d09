package org.vtl.bench.compress;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Paired CPU accounting for {@code CompressBenchmark.paired}: each operation runs one batch through zstd-jni
 * directly and the same batch through the engine, back to back, and charges each the process CPU time it used.
 * Both halves meet the same load from other tenants, so their ratio is steadier than two separate runs. CPU time
 * is the benchmark thread's plus the engine threads' (thread clocks have nanosecond resolution; the process
 * clock ticks too coarsely for 10 ms halves).
 */
final class PairedCpu {

    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long[] engineThreadIds = new long[0];
    private final double[] ratios = new double[256];
    private String second = "engine";
    private String first = "direct";
    private int count;
    private long directNanos;
    private long engineNanos;

    /** Tracks the engine's threads, found by name ({@code <engine>-engine-N}). */
    void trackEngineThreads(String engineName) {
        engineThreadIds = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(engineName + "-engine-")).mapToLong(Thread::threadId).toArray();
    }

    /** Names the two halves in the printed lines (default: engine / direct). */
    void name(String secondHalf, String firstHalf) {
        second = secondHalf;
        first = firstHalf;
    }

    long now() {
        long total = threads.getCurrentThreadCpuTime();
        for (long id : engineThreadIds) {
            total += threads.getThreadCpuTime(id);
        }
        return total;
    }

    void charge(long directCpu, long engineCpu) {
        directNanos += directCpu;
        engineNanos += engineCpu;
    }

    void startIteration() {
        directNanos = 0;
        engineNanos = 0;
    }

    void endIteration(String label, boolean measured) {
        if (directNanos == 0) {
            return;
        }
        double ratio = (double) engineNanos / directNanos;
        if (measured && count < ratios.length) {
            ratios[count++] = ratio;
        }
        System.out.printf("paired: %s %s %s CPU / %s CPU = %.3f%n", label, measured ? "measured" : "warmup",
                second, first, ratio);
    }

    void endTrial(String label) {
        if (count == 0) {
            return;
        }
        double[] sorted = Arrays.copyOf(ratios, count);
        Arrays.sort(sorted);
        System.out.printf("paired-median: %s %s CPU / %s CPU = %.3f over %d iterations (min %.3f, max %.3f)%n",
                label, second, first, sorted[count / 2], count, sorted[0], sorted[count - 1]);
    }
}
