package org.vtl.cartridge.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.MediaType;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.TestBlocks;
import org.vtl.cartridge.memory.MemoryCartridgeStore;

/**
 * Random operation sequences on the persistent log (real RocksDB, file segment store) give exactly the
 * outcomes, positions, bytes and capacities of the in-memory reference model, including across restarts.
 */
class LogMatchesMemoryModelProperties {

    private static final long CAPACITY = 48 << 10;
    private static final CapacityPolicy POLICY = new CapacityPolicy(6 << 10, 0, 256 << 10);

    private static Path directory;
    private static LogFixture fixture;
    private static int cartridges;

    sealed interface Op permits Write, Filemarks, Read, SpaceBlocks, SpaceFilemarks, ToEnd, Locate, Rewind,
        Erase, Flush, Format, Compression, Restart {
    }

    record Write(int seed, int length) implements Op { }

    record Filemarks(int count) implements Op { }

    record Read(int buffer) implements Op { }

    record SpaceBlocks(int count) implements Op { }

    record SpaceFilemarks(int count) implements Op { }

    record ToEnd() implements Op { }

    record Locate(int partition, int object) implements Op { }

    record Rewind() implements Op { }

    record Erase() implements Op { }

    record Flush() implements Op { }

    record Format(long first, long second) implements Op { }

    record Compression(boolean on) implements Op { }

    record Restart() implements Op { }

    @BeforeContainer
    static void open() throws IOException {
        directory = Files.createTempDirectory("log-properties");
        fixture = new LogFixture(directory, POLICY, 1 << 20, false);
    }

    @AfterContainer
    static void close() throws IOException {
        fixture.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        return operations(0).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Op>> sequencesWithRestarts() {
        return operations(6).list().ofMinSize(1).ofMaxSize(40);
    }

    private static Arbitrary<Op> operations(int restartWeight) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.integers().between(0, 4000)
                        .flatMap(len -> Arbitraries.integers().map(seed -> (Op) new Write(seed, len)))),
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 3).map(Filemarks::new)),
                net.jqwik.api.Tuple.of(14, Arbitraries.integers().between(0, 5000).map(Read::new)),
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(-6, 6).map(SpaceBlocks::new)),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(-3, 3).map(SpaceFilemarks::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new ToEnd())),
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 2).flatMap(p ->
                        Arbitraries.integers().between(0, 40).map(o -> (Op) new Locate(p, o)))),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(new Rewind())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Erase())),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Flush())),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 30_000).flatMap(a ->
                        Arbitraries.longs().between(0, 30_000).map(b -> (Op) new Format(a, b)))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(true, false).map(Compression::new)),
                net.jqwik.api.Tuple.of(restartWeight, Arbitraries.just(new Restart())));
    }

    @Property(tries = 1500)
    void logBehavesAsTheReferenceModel(@ForAll("sequences") List<Op> ops, @ForAll boolean worm) throws Exception {
        check(ops, worm);
    }

    @Property(tries = 100)
    void logBehavesAsTheReferenceModelAcrossRestarts(@ForAll("sequencesWithRestarts") List<Op> ops,
                                                     @ForAll boolean worm) throws Exception {
        check(ops, worm);
    }

    private void check(List<Op> ops, boolean worm) throws Exception {
        String barcode = String.format("P%05d%s", ++cartridges, worm ? "LZ" : "L9");
        CartridgeInfo info = new CartridgeInfo(barcode, MediaType.LTO9, worm, false, CAPACITY);
        MemoryCartridgeStore memory = new MemoryCartridgeStore(POLICY, Long.MAX_VALUE);
        memory.add(info);
        LogCartridgeStore log = fixture.store(Long.MAX_VALUE);
        log.add(info);
        MountedCartridge model = memory.mount(barcode);
        MountedCartridge real = log.mount(barcode);
        try {
            for (int step = 0; step < ops.size(); step++) {
                Op op = ops.get(step);
                String where = "step " + step + " " + op;
                if (op instanceof Restart) {
                    model.close();
                    real.close();
                    fixture.reopen();
                    model = memory.mount(barcode);
                    real = fixture.store(Long.MAX_VALUE).mount(barcode);
                } else {
                    assertEquals(apply(model, op), apply(real, op), where);
                }
                assertEquals(model.position(), real.position(), where);
                assertEquals(model.partitionCount(), real.partitionCount(), where);
                for (int p = 0; p < model.partitionCount(); p++) {
                    assertEquals(model.capacity(p), real.capacity(p), where);
                }
            }
        } finally {
            model.close();
            real.close();
        }
    }

    /** Runs an operation and returns what it observably did: its result, or the error, and bytes read. */
    private static Object apply(MountedCartridge c, Op op) {
        try {
            return switch (op) {
                case Write w -> c.writeBlock(TestBlocks.payload(w.seed(), w.length()));
                case Filemarks f -> c.writeFilemarks(f.count());
                case Read r -> read(c, r.buffer());
                case SpaceBlocks s -> c.spaceBlocks(s.count());
                case SpaceFilemarks s -> c.spaceFilemarks(s.count());
                case ToEnd t -> {
                    c.spaceToEndOfData();
                    yield "eod";
                }
                case Locate l -> c.locate(l.partition(), l.object());
                case Rewind r -> {
                    c.rewind();
                    yield "rewound";
                }
                case Erase e -> {
                    c.erase();
                    yield "erased";
                }
                case Flush f -> {
                    c.flush();
                    yield "flushed";
                }
                case Format f -> {
                    c.format(f.second() == 0 ? new long[] {f.first()} : new long[] {f.first(), f.second(), 0});
                    yield "formatted";
                }
                case Compression x -> {
                    c.setCompression(x.on());
                    yield "compression";
                }
                case Restart r -> throw new IllegalStateException("handled by the caller");
            };
        } catch (MediumException e) {
            return e.error();
        }
    }

    private static Object read(MountedCartridge c, int size) throws MediumException {
        ByteBuffer dst = ByteBuffer.allocate(size);
        var outcome = c.read(dst);
        return List.of(outcome, java.util.HexFormat.of().formatHex(TestBlocks.copied(dst)));
    }
}
