package org.vtl.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/** Wall time and CPU readings taken at each phase edge (the barrier action runs it once per edge). */
final class PhaseClock {
    private final CpuClock clock;
    private final List<Long> wall = new ArrayList<>();
    private final List<CpuClock.Reading> cpu = new ArrayList<>();

    PhaseClock(CpuClock clock) {
        this.clock = clock;
    }

    synchronized void mark() {
        wall.add(System.nanoTime());
        cpu.add(clock.read());
    }

    synchronized long nanos(int from, int to) {
        return wall.get(to) - wall.get(from);
    }

    synchronized double clientCpu(int from, int to, long bytes) {
        return CpuClock.clientSecondsPerGb(cpu.get(from), cpu.get(to), bytes);
    }

    synchronized double targetCpu(int from, int to, long bytes) {
        return CpuClock.targetSecondsPerGb(cpu.get(from), cpu.get(to), bytes);
    }
}
