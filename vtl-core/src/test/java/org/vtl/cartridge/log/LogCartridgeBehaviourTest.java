package org.vtl.cartridge.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.MediumError;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.ReadOutcome;
import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.TapePosition;
import org.vtl.cartridge.TestBlocks;
import org.vtl.cartridge.segment.SegmentDescriptor;
import org.vtl.cartridge.segment.BlockRecordDescriptor;

/** What the persistent log adds to the contract: checkpoints, pool space, corruption, quotas across cartridges. */
class LogCartridgeBehaviourTest {

    private static final CapacityPolicy POLICY = new CapacityPolicy(0, 0, 8 << 10);
    private static final int SEGMENT = 24 << 10;

    @TempDir
    Path directory;

    private static int readAllFrom0(MountedCartridge c, int seedBase, int length) throws MediumException {
        c.rewind();
        ByteBuffer dst = ByteBuffer.allocate(length);
        int n = 0;
        while (true) {
            dst.clear();
            ReadOutcome r = c.read(dst);
            if (r.kind() == RecordKind.END_OF_DATA) {
                return n;
            }
            assertArrayEquals(TestBlocks.bytes(seedBase + n, length), TestBlocks.copied(dst), "object " + n);
            n++;
        }
    }

    @Test
    void aLongStreamWithoutSyncPointsIsCheckpointedAsAPrefix() throws Exception {
        LogFixture fixture = new LogFixture(directory, POLICY, 1000, true, SEGMENT);
        fixture.store(Long.MAX_VALUE).add("LONG01L9");
        MountedCartridge c = fixture.store(Long.MAX_VALUE).mount("LONG01L9");
        for (int i = 0; i < 200; i++) {
            c.writeBlock(TestBlocks.payload(i, 2000));
        }
        // Crash: the backend goes away with the cartridge still mounted and never flushed.
        fixture.reopen();
        try (MountedCartridge r = fixture.store(Long.MAX_VALUE).mount("LONG01L9")) {
            int survived = readAllFrom0(r, 0, 2000);
            assertTrue(survived > 0 && survived < 200, survived + " blocks survived");
        }
        fixture.close();
    }

    @Test
    void aFullPoolRefusesTheNextBlockAndKeepsEveryAcceptedOne() throws Exception {
        try (LogFixture fixture = new LogFixture(directory, POLICY, 3, false, SEGMENT)) {
            fixture.store(Long.MAX_VALUE).add("FULL01L9");
            try (MountedCartridge c = fixture.store(Long.MAX_VALUE).mount("FULL01L9")) {
                int accepted = 0;
                MediumException refused = null;
                while (refused == null) {
                    try {
                        c.writeBlock(TestBlocks.payload(accepted, 4000));
                        accepted++;
                    } catch (MediumException e) {
                        refused = e;
                    }
                }
                assertEquals(MediumError.POOL_FULL, refused.error());
                assertEquals(accepted, c.position().logicalObject());
                c.flush();
                assertEquals(accepted, readAllFrom0(c, 0, 4000));
                // Rewriting from the beginning frees the segments again.
                c.rewind();
                for (int i = 0; i < accepted; i++) {
                    c.writeBlock(TestBlocks.payload(100 + i, 4000));
                }
                assertEquals(accepted, readAllFrom0(c, 100, 4000));
            }
        }
    }

    @Test
    void aDamagedBlockIsAnUnrecoveredReadErrorCountedInTheStatistics() throws Exception {
        try (LogFixture fixture = new LogFixture(directory, POLICY, 10, false, SEGMENT)) {
            fixture.store(Long.MAX_VALUE).add("BAD001L9");
            try (MountedCartridge c = fixture.store(Long.MAX_VALUE).mount("BAD001L9")) {
                c.setCompression(false);
                c.writeBlock(TestBlocks.payload(1, 1000));
                c.flush();
            }
            try (FileChannel ch = FileChannel.open(directory.resolve("segments"), StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(new byte[] {0x55}),
                        SegmentDescriptor.HEADER_LENGTH + BlockRecordDescriptor.HEADER_LENGTH + 500);
            }
            try (MountedCartridge c = fixture.store(Long.MAX_VALUE).mount("BAD001L9")) {
                MediumException e = assertThrows(MediumException.class, () -> c.read(ByteBuffer.allocate(1000)));
                assertEquals(MediumError.UNRECOVERED_READ_ERROR, e.error());
                assertEquals(new TapePosition(0, 0, 0, true, false, false), c.position());
                assertEquals(1, c.statistics().readErrorsUncorrected());
            }
        }
    }

    @Test
    void theQuotaCountsEveryCartridgeOfTheLibraryPartitionButNoOther() throws Exception {
        try (LogFixture fixture = new LogFixture(directory, POLICY, 100, false, SEGMENT)) {
            LogCartridgeStore a = fixture.backend().store("a", 10_000);
            LogCartridgeStore b = fixture.backend().store("b", 10_000);
            a.add("AAA001L9");
            a.add("AAA002L9");
            b.add("BBB001L9");
            try (MountedCartridge one = a.mount("AAA001L9"); MountedCartridge two = a.mount("AAA002L9");
                 MountedCartridge other = b.mount("BBB001L9")) {
                one.setCompression(false);
                two.setCompression(false);
                one.writeBlock(TestBlocks.payload(1, 6000));
                assertEquals(MediumError.QUOTA_EXCEEDED,
                        assertThrows(MediumException.class, () -> two.writeBlock(TestBlocks.payload(2, 6000)))
                                .error());
                other.writeBlock(TestBlocks.payload(3, 6000));
                assertEquals(6000, a.storedBytes());
            }
            assertTrue(b.find("AAA001L9").isEmpty(), "a library partition sees only its own cartridges");
        }
    }

    @Test
    void removingACartridgeFreesItsSegmentsAndItsQuota() throws Exception {
        try (LogFixture fixture = new LogFixture(directory, POLICY, 4, false, SEGMENT)) {
            LogCartridgeStore store = fixture.store(Long.MAX_VALUE);
            store.add("DEL001L9");
            try (MountedCartridge c = store.mount("DEL001L9")) {
                for (int i = 0; i < 12; i++) {
                    c.writeBlock(TestBlocks.payload(i, 4000));
                }
            }
            long freeBefore = fixture.backend().segments().freeBytes();
            assertTrue(store.remove("DEL001L9"));
            assertTrue(fixture.backend().segments().freeBytes() > freeBefore);
            assertEquals(0, store.storedBytes());
            assertTrue(store.find("DEL001L9").isEmpty());
        }
    }

    @Test
    void aCartridgeMovedToAnotherLibraryPartitionTakesItsContentAndUsageAlong() throws Exception {
        try (LogFixture fixture = new LogFixture(directory, POLICY, 100, false, SEGMENT)) {
            LogCartridgeStore a = fixture.backend().store("a", Long.MAX_VALUE);
            LogCartridgeStore vault = fixture.backend().store("vault", Long.MAX_VALUE);
            a.add("MOV001L9");
            MountedCartridge c = a.mount("MOV001L9");
            c.setCompression(false);
            c.writeBlock(TestBlocks.payload(1, 3000));
            assertTrue(!fixture.backend().changeOwner("MOV001L9", "vault"), "a mounted cartridge stays");
            c.close();
            assertTrue(fixture.backend().changeOwner("MOV001L9", "vault"));
            assertTrue(a.find("MOV001L9").isEmpty());
            assertEquals(0, a.storedBytes());
            assertEquals(3000, vault.storedBytes());
            try (MountedCartridge moved = vault.mount("MOV001L9")) {
                assertEquals(1, readAllFrom0(moved, 1, 3000));
            }
        }
    }

    @Test
    void aBlockOfExactlyTheLargestSizeFillsASegmentWithItsEndOfDataRecord() throws Exception {
        int segment = 8192;
        int largest = CartridgeBackend.maxBlockSize(segment);
        assertEquals(segment - 128, largest);
        try (LogFixture fixture = new LogFixture(directory, POLICY.withMaxBlockSize(largest), 10, false, segment)) {
            fixture.store(Long.MAX_VALUE).add("BIG001L9");
            try (MountedCartridge c = fixture.store(Long.MAX_VALUE).mount("BIG001L9")) {
                c.setCompression(false);
                c.writeBlock(TestBlocks.payload(0, largest));
                c.flush();
                c.writeBlock(TestBlocks.payload(1, largest));
                c.writeBlock(TestBlocks.payload(2, largest));
                assertEquals(3, readAllFrom0(c, 0, largest));
            }
        }
    }

    @Test
    void aBackendWhoseSegmentsCannotHoldTheLargestBlockIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LogFixture(directory, POLICY.withMaxBlockSize(8192 - 127), 10, false, 8192));
    }

    @Test
    void aStreamingReaderFindsTheNextSegmentsAlreadyReadAhead() throws Exception {
        try (LogFixture fixture = new LogFixture(directory, POLICY, 100, false, SEGMENT)) {
            fixture.store(Long.MAX_VALUE).add("AHEAD1L9");
            try (MountedCartridge c = fixture.store(Long.MAX_VALUE).mount("AHEAD1L9")) {
                c.setCompression(false);
                for (int i = 0; i < 60; i++) {
                    c.writeBlock(TestBlocks.payload(i, 4000));
                }
                assertEquals(60, readAllFrom0(c, 0, 4000));
                // Six 4000-byte records fit a 24 KiB segment: 10 segments, each after the first read ahead.
                assertEquals(9, ((LogMountedCartridge) c).readAheadHits());
            }
        }
    }
}
