package org.vtl.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vtl.config.LtoGeneration;

class CartridgeFilterTest {

    private static final CartridgeView C = new CartridgeView("ABC001L9", "backup", LtoGeneration.LTO9, 1, 0, 0, false,
            false, CartridgeView.Location.STORAGE_SLOT, 1024);

    @Test
    void emptyFilterMatchesEverything() {
        assertTrue(new CartridgeFilter(null, null, null).matches(C));
    }

    @Test
    void globMatchesStarAndQuestionMarkOnly() {
        assertTrue(new CartridgeFilter(null, null, "ABC*").matches(C));
        assertTrue(new CartridgeFilter(null, null, "abc00?l9").matches(C));
        assertFalse(new CartridgeFilter(null, null, "ABC.*").matches(C));
    }

    @Test
    void partitionAndLocationMustBothMatch() {
        assertTrue(new CartridgeFilter("backup", CartridgeView.Location.STORAGE_SLOT, null).matches(C));
        assertFalse(new CartridgeFilter("other", null, null).matches(C));
        assertFalse(new CartridgeFilter(null, CartridgeView.Location.VAULT, null).matches(C));
    }
}
