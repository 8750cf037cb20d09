package org.vtl.raid;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool's Micrometer meters, registered on the registry given to {@link Pool#create} or {@link Pool#open}
 * (none when it is null) and removed at close.
 * <ul>
 *   <li>{@code vtl.raid.member.state} (group, member): 0 online, 1 failed, 2 rebuilding</li>
 *   <li>{@code vtl.raid.member.written.bytes}, {@code vtl.raid.member.read.bytes}, {@code vtl.raid.member.errors}</li>
 *   <li>{@code vtl.raid.pool.capacity.bytes}, {@code vtl.raid.pool.used.bytes}, {@code vtl.raid.pool.live.bytes}</li>
 *   <li>{@code vtl.raid.parity.bytes}, {@code vtl.raid.read.corrupt.chunks},
 *       {@code vtl.raid.read.reconstructed.chunks}, {@code vtl.raid.read.repaired.chunks}</li>
 *   <li>{@code vtl.raid.rebuild.progress}, {@code vtl.raid.scrub.progress} (0..1),
 *       {@code vtl.raid.scrub.repaired}, {@code vtl.raid.scrub.unrepairable}</li>
 * </ul>
 */
final class PoolStats {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    PoolStats(Pool pool, StripeWriter writer, StripeReader reader, MeterRegistry registry) {
        this.registry = registry;
        if (registry == null) {
            return;
        }
        meters.add(FunctionCounter.builder("vtl.raid.parity.bytes", writer, w -> w.parityBytes.sum())
                .description("Data bytes P and Q were computed over").baseUnit("bytes").register(registry));
        meters.add(FunctionCounter.builder("vtl.raid.read.corrupt.chunks", reader, r -> r.corruptChunks.sum())
                .description("Chunks whose CRC32C did not match on read").register(registry));
        meters.add(FunctionCounter.builder("vtl.raid.read.reconstructed.chunks", reader,
                r -> r.reconstructedChunks.sum()).description("Chunks rebuilt from P and Q").register(registry));
        meters.add(FunctionCounter.builder("vtl.raid.read.repaired.chunks", reader, r -> r.repairedChunks.sum())
                .description("Corrupt chunks rewritten with their reconstructed bytes").register(registry));
        meters.add(Gauge.builder("vtl.raid.pool.capacity.bytes", pool, p -> p.status().capacityBytes())
                .description("Data capacity of the pool").baseUnit("bytes").register(registry));
        meters.add(Gauge.builder("vtl.raid.pool.used.bytes", pool, p -> p.status().usedBytes())
                .description("Rows in use times stripe capacity").baseUnit("bytes").register(registry));
        meters.add(Gauge.builder("vtl.raid.pool.live.bytes", pool, p -> p.status().liveBytes())
                .description("Sum of live extent lengths").baseUnit("bytes").register(registry));
        meters.add(Gauge.builder("vtl.raid.rebuild.progress", pool, p -> p.repairs.rebuildProgress().fraction())
                .description("Fraction of the current rebuild done").register(registry));
        meters.add(Gauge.builder("vtl.raid.scrub.progress", pool, p -> p.repairs.scrubProgress().fraction())
                .description("Fraction of the current scrub done").register(registry));
        meters.add(FunctionCounter.builder("vtl.raid.scrub.repaired", pool, p -> p.repairs.scrubProgress().repaired())
                .description("Chunks repaired by the last scrub").register(registry));
        meters.add(FunctionCounter.builder("vtl.raid.scrub.unrepairable", pool,
                p -> p.repairs.scrubProgress().unrepairable()).description("Stripes scrub could not repair")
                .register(registry));
    }

    void registerGroup(RaidGroup g) {
        if (registry == null) {
            return;
        }
        for (int i = 0; i < g.members.length; i++) {
            int index = i;
            Tags tags = Tags.of("group", Integer.toString(g.index), "member", Integer.toString(i));
            meters.add(Gauge.builder("vtl.raid.member.state", g, grp -> grp.members[index].state().code())
                    .tags(tags).description("0 online, 1 failed, 2 rebuilding").register(registry));
            meters.add(FunctionCounter.builder("vtl.raid.member.written.bytes", g,
                    grp -> grp.members[index].bytesWritten.sum()).tags(tags).baseUnit("bytes").register(registry));
            meters.add(FunctionCounter.builder("vtl.raid.member.read.bytes", g,
                    grp -> grp.members[index].bytesRead.sum()).tags(tags).baseUnit("bytes").register(registry));
            meters.add(FunctionCounter.builder("vtl.raid.member.errors", g,
                    grp -> grp.members[index].errors.sum()).tags(tags).register(registry));
        }
    }

    void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
