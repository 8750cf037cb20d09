package org.vtl.raid.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StripeLayoutTest {

    @Test
    void widthsOutsideTwoToTwentyTwoAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StripeLayout(1, 4096));
        assertThrows(IllegalArgumentException.class, () -> new StripeLayout(23, 4096));
        assertEquals(24, new StripeLayout(22, 4096).memberCount());
    }

    @Test
    void chunkSizeMustBeBlockAligned() {
        assertThrows(IllegalArgumentException.class, () -> new StripeLayout(4, 1000));
        assertEquals(256 * 1024, StripeLayout.DEFAULT_CHUNK_SIZE);
    }

    @Test
    void eachRowGivesEveryRoleToADistinctMember() {
        StripeLayout layout = new StripeLayout(8, 4096);
        for (long row = 0; row < 50; row++) {
            Set<Integer> members = new HashSet<>();
            for (int role = 0; role < 10; role++) {
                int member = layout.member(row, role);
                assertTrue(members.add(member), "row " + row + " role " + role);
                assertEquals(role, layout.role(row, member, 8));
            }
        }
    }

    @Test
    void parityRotatesOverEveryMember() {
        StripeLayout layout = new StripeLayout(4, 4096);
        Set<Integer> pMembers = new HashSet<>();
        Set<Integer> qMembers = new HashSet<>();
        for (long row = 0; row < 6; row++) {
            pMembers.add(layout.member(row, 4));
            qMembers.add(layout.member(row, 5));
        }
        assertEquals(6, pMembers.size());
        assertEquals(6, qMembers.size());
    }

    @Test
    void narrowStripeLeavesOtherMembersWithoutARole() {
        StripeLayout layout = new StripeLayout(6, 4096);
        long row = 3;
        int used = 0;
        for (int member = 0; member < 8; member++) {
            if (layout.role(row, member, 1) >= 0) {
                used++;
            }
        }
        assertEquals(3, used);
        assertEquals(-1, layout.role(row, 6, 1));
    }

    @Test
    void widthIsTheNumberOfChunksTheLengthNeeds() {
        StripeLayout layout = new StripeLayout(4, 8192);
        assertEquals(1, layout.widthFor(1));
        assertEquals(1, layout.widthFor(8192));
        assertEquals(2, layout.widthFor(8193));
        assertEquals(4, layout.widthFor(32768));
        assertThrows(IllegalArgumentException.class, () -> layout.widthFor(32769));
        assertThrows(IllegalArgumentException.class, () -> layout.widthFor(0));
    }

    @Test
    void rowsStartAfterTheSuperblockAreaAndHoldChunkPlusTrailer() {
        StripeLayout layout = new StripeLayout(4, 65536);
        assertEquals(StripeLayout.DATA_START, layout.chunkOffset(0));
        assertEquals(StripeLayout.DATA_START + 2 * (65536 + 4096), layout.chunkOffset(2));
        assertEquals(layout.chunkOffset(1) + 65536, layout.trailerOffset(1));
        assertEquals(10, layout.rowsFor(layout.memberBytesFor(10) + 4095));
    }
}
