package org.vtl.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vtl.library.memory.MemoryLibraryStateStore;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PartitionTest {

    private static final Set<String> MINE = Set.of("A00001L8", "A00002L8", "A00003L8", "A00004L8");

    private static Partition partition() {
        return new Partition("p", new ElementLayout(1, 1, 0x400, 4, 0x300, 2, 0x101, 2), MINE::contains);
    }

    @Test
    void overlappingRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ElementLayout(1, 1, 0x100, 10, 0x300, 2, 0x105, 2));
    }

    @Test
    void addressesOfOtherTypesOrOutsideTheLayoutAreInvalid() {
        Partition p = partition();
        LibraryException e = assertThrows(LibraryException.class, () -> p.planMove(0x0999, 0x0400));
        assertEquals(LibraryError.INVALID_ADDRESS, e.error());
        assertEquals(-1, p.driveIndex(0x0400));
        assertEquals(1, p.driveIndex(0x0102));
    }

    @Test
    void planningChangesNothingUntilApplied() throws LibraryException {
        Partition p = partition();
        p.apply(p.planInsert(0x0400, "A00001L8"));
        List<ElementChange> move = p.planMove(0x0400, 0x0101);
        assertEquals("A00001L8", p.element(0x0400).orElseThrow().barcode());
        p.apply(move);
        assertEquals("A00001L8", p.element(0x0101).orElseThrow().barcode());
        assertEquals(0x0400, p.element(0x0101).orElseThrow().content().sourceAddress());
    }

    @Test
    void cartridgeKeepsItsHomeSlotAcrossDriveAndPicker() throws LibraryException {
        Partition p = partition();
        p.apply(p.planInsert(0x0402, "A00001L8"));
        p.apply(p.planMove(0x0402, 0x0101));
        p.apply(p.planMove(0x0101, 0x0102));
        assertEquals(0x0402, p.element(0x0102).orElseThrow().content().sourceAddress());
    }

    @Test
    void duplicateAndForeignBarcodesAreRefused() throws LibraryException {
        Partition p = partition();
        p.apply(p.planInsert(0x0400, "A00001L8"));
        assertEquals(LibraryError.DUPLICATE_CARTRIDGE,
                assertThrows(LibraryException.class, () -> p.planInsert(0x0401, "A00001L8")).error());
        assertEquals(LibraryError.UNKNOWN_CARTRIDGE,
                assertThrows(LibraryException.class, () -> p.planInsert(0x0401, "B00001L8")).error());
    }

    @Test
    void storeRestoresExactlyWhatWasCommitted() throws LibraryException {
        MemoryLibraryStateStore store = new MemoryLibraryStateStore();
        Partition p = partition();
        List<ElementChange> c = p.planInsert(0x0300, "A00002L8");
        store.commit("p", c);
        p.apply(c);
        Partition again = partition();
        again.restore(store.load("p"));
        assertEquals(p.elements(), again.elements());
        assertTrue(store.load("other").isEmpty());
    }

    /** Whatever moves are tried, every cartridge stays in exactly one element and no element holds two. */
    @Property(tries = 200)
    void randomMovesConserveCartridges(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 11) Integer> steps) {
        Partition p = partition();
        int[] addresses = {1, 0x0101, 0x0102, 0x0300, 0x0301, 0x0400, 0x0401, 0x0402, 0x0403, 0x0999};
        int i = 0;
        for (String b : MINE) {
            try {
                p.apply(p.planInsert(0x0400 + i++, b));
            } catch (LibraryException e) {
                throw new AssertionError(e);
            }
        }
        for (int s = 0; s + 1 < steps.size(); s += 2) {
            int from = addresses[steps.get(s) % addresses.length];
            int to = addresses[steps.get(s + 1) % addresses.length];
            try {
                p.apply(p.planMove(from, to));
            } catch (LibraryException e) {
                // refused moves change nothing
            }
        }
        Set<String> seen = new HashSet<>();
        for (Element e : p.elements()) {
            if (e.full()) {
                assertTrue(seen.add(e.barcode()), "cartridge in two elements: " + e.barcode());
            }
        }
        assertEquals(MINE, seen);
    }
}
