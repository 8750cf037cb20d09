package org.vtl.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStatistics;
import org.vtl.cartridge.MediaType;

class CatalogTest {

    @TempDir
    Path directory;

    private Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(directory.resolve("catalog"));
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private void commit(java.util.function.Consumer<CatalogBatch> fill) {
        try (CatalogBatch batch = catalog.batch()) {
            fill.accept(batch);
            catalog.commit(batch, true);
        }
    }

    @Test
    void objectKeysSortInNumericOrder() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long a = random.nextLong() & Long.MAX_VALUE;
            long b = random.nextInt(3) == 0 ? a + 1 : random.nextLong() & Long.MAX_VALUE;
            int expected = Long.compare(a, b);
            int actual = Arrays.compareUnsigned(CatalogKeys.object(CatalogKeys.BLOCK, 5, 1, a),
                    CatalogKeys.object(CatalogKeys.BLOCK, 5, 1, b));
            assertEquals(Integer.signum(expected), Integer.signum(actual), a + " vs " + b);
        }
    }

    @Test
    void blockEntriesRoundTripAndTruncationDropsFromTheObjectOn() {
        commit(b -> {
            for (long o = 0; o < 10; o++) {
                b.putBlock(1, 0, o, 100 + o, (int) o * 10, BlockEntry.DATA, 5, 4, o * 5, 0, o * 4);
            }
            b.putFilemark(1, 0, 0, 3).putFilemark(1, 0, 1, 7);
        });
        assertEquals(new BlockEntry(104, 40, BlockEntry.DATA, 5, 4, 20, 0, 16), catalog.block(1, 0, 4));
        commit(b -> b.truncate(1, 0, 5, 1));
        assertNull(catalog.block(1, 0, 5));
        assertEquals(new BlockEntry(104, 40, BlockEntry.DATA, 5, 4, 20, 0, 16), catalog.block(1, 0, 4));
        assertEquals(3, catalog.filemark(1, 0, 0));
        assertEquals(-1, catalog.filemark(1, 0, 1));
    }

    @Test
    void theSegmentHoldingAnObjectIsTheLastOneStartingAtOrBeforeIt() {
        commit(b -> b.putSegment(1, 0, new SegmentEntry(0, 11, 0)).putSegment(1, 0, new SegmentEntry(8, 12, 1))
                .putSegment(1, 0, new SegmentEntry(20, 13, 2)).putSegment(1, 1, new SegmentEntry(0, 14, 0)));
        assertEquals(11, catalog.segmentAt(1, 0, 7).extent());
        assertEquals(12, catalog.segmentAt(1, 0, 8).extent());
        assertEquals(13, catalog.segmentAt(1, 0, 1000).extent());
        assertEquals(new SegmentEntry(20, 13, 2), catalog.segmentAfter(1, 0, 8));
        assertNull(catalog.segmentAfter(1, 0, 20), "partition 1's segments are not partition 0's");
        List<Long> from = new ArrayList<>();
        catalog.segmentsFrom(1, 0, 5, s -> from.add(s.firstObject()));
        assertEquals(List.of(8L, 20L), from);
    }

    @Test
    void deletingACartridgeRemovesEverythingKeyedByItAndNothingElse() {
        CartridgeInfo one = new CartridgeInfo("ONE001L9", MediaType.LTO9, false, false, 1000);
        CartridgeInfo two = new CartridgeInfo("TWO001L9", MediaType.LTO9, false, false, 1000);
        SortedMap<Integer, byte[]> attrs = new TreeMap<>();
        attrs.put(0x0800, new byte[] {1});
        commit(b -> {
            for (long id = 1; id <= 2; id++) {
                b.putCartridge(new CartridgeRecord(id, id == 1 ? one : two, "p", 1))
                        .putPartition(id, 0, PartitionState.blank(1000))
                        .putBlock(id, 0, 0, 1, 0, BlockEntry.DATA, 1, 1, 0, 0, 0)
                        .putAttributes(id, 0, attrs)
                        .putStatistics(id, new CartridgeStatistics(1, 2, 3, 4, 5, 6, 7));
            }
        });
        commit(b -> b.deleteCartridge("ONE001L9", 1));
        assertTrue(catalog.cartridge("ONE001L9").isEmpty());
        assertNull(catalog.partition(1, 0));
        assertNull(catalog.block(1, 0, 0));
        assertTrue(catalog.attributes(1, 0).isEmpty());
        assertEquals(new CartridgeRecord(2, two, "p", 1), catalog.cartridge("TWO001L9").orElseThrow());
        assertEquals(PartitionState.blank(1000), catalog.partition(2, 0));
        assertArrayEquals(new byte[] {1}, catalog.attributes(2, 0).get(0x0800));
        assertEquals(new CartridgeStatistics(1, 2, 3, 4, 5, 6, 7), catalog.statistics(2));
    }

    @Test
    void stateNamespacesAreSeparateAndClearedAsAWhole() {
        commit(b -> b.putState("library", new byte[] {1}, new byte[] {10})
                .putState("library", new byte[] {2}, new byte[] {20})
                .putState("librarx", new byte[] {1}, new byte[] {30}));
        List<String> seen = new ArrayList<>();
        catalog.states("library", (k, v) -> seen.add(k[0] + "=" + v[0]));
        assertEquals(List.of("1=10", "2=20"), seen);
        commit(b -> b.clearState("library"));
        assertTrue(catalog.state("library", new byte[] {1}).isEmpty());
        assertArrayEquals(new byte[] {30}, catalog.state("librarx", new byte[] {1}).orElseThrow());
    }

    @Test
    void aBatchThatIsNotCommittedChangesNothingAndCommittedOnesSurviveReopening() {
        try (CatalogBatch batch = catalog.batch()) {
            batch.putExtent(new ExtentRecord(9, 4096, 100, 1));
        }
        assertNull(catalog.extent(9));
        commit(b -> b.putExtent(new ExtentRecord(10, 8192, 200, 2)));
        catalog.close();
        catalog = Catalog.open(directory.resolve("catalog"));
        assertEquals(new ExtentRecord(10, 8192, 200, 2), catalog.extent(10));
    }
}
