package org.vtl.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorpusTest {
    private static final int POOL = 4 << 20;

    @Test
    void equalSeedsGiveEqualBlocks() {
        Corpus a = Corpus.generate(Corpus.Kind.REALISTIC, 7, POOL);
        Corpus b = Corpus.generate(Corpus.Kind.REALISTIC, 7, POOL);
        assertEquals(-1, a.block(1, 12, 65536).mismatch(b.block(1, 12, 65536)));
    }

    @Test
    void drivesAndBlocksGetDifferentBytes() {
        Corpus c = Corpus.generate(Corpus.Kind.RANDOM, 7, POOL);
        assertNotEquals(-1, c.block(0, 3, 65536).mismatch(c.block(1, 3, 65536)));
        assertNotEquals(-1, c.block(0, 3, 65536).mismatch(c.block(0, 4, 65536)));
    }

    @Test
    void realisticMixCompressesAboutTwoToThreeTimesAndRandomDoesNot() {
        double realistic = CorpusRatio.measure(Corpus.generate(Corpus.Kind.REALISTIC, 7, POOL), 262144, 16).ratio();
        double random = CorpusRatio.measure(Corpus.generate(Corpus.Kind.RANDOM, 7, POOL), 262144, 16).ratio();
        assertTrue(realistic > 1.8 && realistic < 3.2, "realistic ratio " + realistic);
        assertTrue(random < 1.01, "random ratio " + random);
    }
}
