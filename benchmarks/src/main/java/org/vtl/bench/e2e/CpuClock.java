package org.vtl.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time consumed so far by this JVM (OperatingSystemMXBean process CPU: all threads, JIT and GC included) and by
 * another process (utime + stime from /proc/PID/stat, proc(5) fields 14 and 15, all threads).
 */
public final class CpuClock {
    private final long targetPid;
    private final long ticksPerSecond;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * @param targetPid      process to account for, or 0 for none
     * @param ticksPerSecond the kernel's USER_HZ (getconf CLK_TCK), 100 on Linux/x86
     */
    public CpuClock(long targetPid, long ticksPerSecond) {
        this.targetPid = targetPid;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** A reading of both clocks, in nanoseconds of CPU; target is -1 when not available. */
    public record Reading(long clientNanos, long targetNanos) {
    }

    public Reading read() {
        return new Reading(os.getProcessCpuTime(), targetNanos());
    }

    private long targetNanos() {
        if (targetPid <= 0) {
            return -1;
        }
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(targetPid), "stat")), ticksPerSecond);
        } catch (IOException e) {
            return -1;
        }
    }

    /** utime + stime in nanoseconds; the command name (field 2) may hold spaces and parentheses, so skip past ')'. */
    static long parseStat(String stat, long ticksPerSecond) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1_000_000_000L / ticksPerSecond;
    }

    /** CPU seconds per GB (10^9 bytes) between two readings; NaN when the target was not measured. */
    public static double clientSecondsPerGb(Reading from, Reading to, long bytes) {
        return (to.clientNanos() - from.clientNanos()) / 1e9 / (bytes / 1e9);
    }

    public static double targetSecondsPerGb(Reading from, Reading to, long bytes) {
        if (from.targetNanos() < 0 || to.targetNanos() < 0) {
            return Double.NaN;
        }
        return (to.targetNanos() - from.targetNanos()) / 1e9 / (bytes / 1e9);
    }
}
