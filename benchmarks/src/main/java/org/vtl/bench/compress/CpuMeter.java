package org.vtl.bench.compress;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Process CPU time per native byte, per measurement iteration: on a shared machine the wall-clock throughput of
 * a run swings with other tenants' load, while the CPU time the benchmark JVM spends per byte does not. Each
 * iteration prints one {@code cpu:} line; the trial prints the median. Includes every thread of the forked JVM
 * (benchmark threads, engine threads, and the little JIT and GC work left after warmup).
 */
final class CpuMeter {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final LongAdder nativeBytes = new LongAdder();
    private final double[] samples = new double[256];
    private int count;
    private long cpuStart;
    private long wallStart;

    void startIteration() {
        nativeBytes.reset();
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    void add(long bytes) {
        nativeBytes.add(bytes);
    }

    /** Prints this iteration's CPU cost; warmup iterations are printed too but marked and left out of the median. */
    void endIteration(String label, boolean measured) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long bytes = nativeBytes.sum();
        if (bytes == 0) {
            return;
        }
        double mbPerCpuSecond = bytes / 1e6 / (cpu / 1e9);
        double mbPerWallSecond = bytes / 1e6 / (wall / 1e9);
        if (measured && count < samples.length) {
            samples[count++] = mbPerCpuSecond;
        }
        System.out.printf("cpu: %s %s %.1f MB per CPU-second, %.1f MB/s wall, %.2f CPUs busy%n",
                label, measured ? "measured" : "warmup", mbPerCpuSecond, mbPerWallSecond, (double) cpu / wall);
    }

    void endTrial(String label) {
        if (count == 0) {
            return;
        }
        double[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        System.out.printf("cpu-median: %s %.1f MB per CPU-second over %d iterations%n", label,
                sorted[count / 2], count);
    }
}
