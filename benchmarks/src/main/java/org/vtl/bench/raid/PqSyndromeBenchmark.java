package org.vtl.bench.raid;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vtl.raid.parity.PqRecovery;
import org.vtl.raid.parity.PqSyndrome;

/**
 * P+Q generation and two-data reconstruction over k chunks. One operation processes one stripe of
 * {@code k x chunk} data bytes, so GB/s = ops/s x k x chunk / 1e9. {@code resident}: the same stripe every
 * time (what ISA-L's pq_gen loop measures); {@code streaming}: a different stripe each time from 256 MiB
 * of stripes, so data comes from memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PqSyndromeBenchmark {

    private static final long STREAMING_BYTES = 256L << 20;

    @Param({"4", "8", "10"})
    int k;

    @Param({"262144"})
    int chunk;

    @Param({"vector", "swar"})
    String kernel;

    @Param({"resident", "streaming"})
    String data;

    private Arena arena;
    private MemorySegment[][] stripes;
    private MemorySegment[] work;
    private PqSyndrome syndrome;
    private PqRecovery recovery;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        syndrome = "vector".equals(kernel) ? PqSyndrome.vector() : PqSyndrome.swar();
        recovery = new PqRecovery(syndrome, chunk);
        arena = Arena.ofShared();
        long stripeBytes = (long) (k + 2) * chunk;
        int count = "resident".equals(data) ? 1 : (int) Math.max(2, STREAMING_BYTES / stripeBytes);
        stripes = new MemorySegment[count][k + 2];
        SplittableRandom random = new SplittableRandom(42);
        for (MemorySegment[] stripe : stripes) {
            for (int i = 0; i < k + 2; i++) {
                stripe[i] = arena.allocate(chunk, 4096);
                for (long off = 0; off < chunk; off += 8) {
                    stripe[i].set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, off, random.nextLong());
                }
            }
            syndrome.generate(stripe, k, stripe[k], stripe[k + 1], chunk);
        }
        work = new MemorySegment[k + 2];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    private MemorySegment[] nextStripe() {
        MemorySegment[] s = stripes[next];
        next = next + 1 == stripes.length ? 0 : next + 1;
        return s;
    }

    /** P and Q of one stripe. */
    @Benchmark
    public void generate() {
        MemorySegment[] s = nextStripe();
        syndrome.generate(s, k, s[k], s[k + 1], chunk);
    }

    /** Rebuild data chunks 1 and k-2 from the rest (Linux raid6_2data_recov). */
    @Benchmark
    public void recoverTwoData() {
        MemorySegment[] s = nextStripe();
        System.arraycopy(s, 0, work, 0, k + 2);
        recovery.recover(work, k, 1, k - 2, chunk);
    }
}
