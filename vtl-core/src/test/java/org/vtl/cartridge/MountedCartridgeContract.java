package org.vtl.cartridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CartridgeStore} and {@link MountedCartridge} implementation shares (SSC-5 4.2,
 * SPC-5 7.4). Subclasses supply the store; each test states one rule.
 */
public abstract class MountedCartridgeContract {

    protected static final String BARCODE = "ABC123L9";
    protected static final String WORM_BARCODE = "WRM001LZ";
    protected static final long CAPACITY = 1 << 20;
    protected static final long RESERVE = 64 << 10;
    protected static final CapacityPolicy POLICY = new CapacityPolicy(RESERVE, 0, 256 << 10);

    private MountedCartridge mounted;

    /** A fresh store holding these blank cartridges. */
    protected abstract CartridgeStore open(CapacityPolicy policy, long quota, List<CartridgeInfo> cartridges)
            throws Exception;

    /** Sets the write-protect tab of a cartridge of the store last opened. */
    protected abstract void setWriteProtected(String barcode, boolean writeProtected) throws Exception;

    /** Shuts the store last opened down cleanly and opens it again (the same object for a memory store). */
    protected abstract CartridgeStore restart() throws Exception;

    protected static CartridgeInfo info(String barcode, boolean worm, long capacity) {
        Barcode b = Barcode.of(barcode);
        return new CartridgeInfo(barcode, b.mediaType(), worm, false, capacity);
    }

    protected MountedCartridge mountOne(CartridgeInfo info, long quota) throws Exception {
        mounted = open(POLICY, quota, List.of(info)).mount(info.barcode());
        return mounted;
    }

    protected MountedCartridge mountDefault() throws Exception {
        return mountOne(info(BARCODE, false, CAPACITY), Long.MAX_VALUE);
    }

    @AfterEach
    protected void closeMounted() throws Exception {
        if (mounted != null) {
            mounted.close();
            mounted = null;
        }
    }

    private static byte[] readData(MountedCartridge c, int expectedLength) throws MediumException {
        ByteBuffer dst = ByteBuffer.allocate(expectedLength + 16);
        ReadOutcome r = c.read(dst);
        assertEquals(RecordKind.DATA, r.kind());
        assertEquals(expectedLength, r.recordLength());
        return TestBlocks.copied(dst);
    }

    private static void write(MountedCartridge c, int seed, int length) throws MediumException {
        c.writeBlock(TestBlocks.payload(seed, length));
    }

    @Test
    void blankCartridgeIsAtBeginningOfPartitionZeroAndAtEndOfData() throws Exception {
        MountedCartridge c = mountDefault();
        assertEquals(new TapePosition(0, 0, 0, true, true, false), c.position());
        assertEquals(RecordKind.END_OF_DATA, c.read(ByteBuffer.allocate(10)).kind());
        assertEquals(new TapePosition(0, 0, 0, true, true, false), c.position());
    }

    @Test
    void writtenBlocksReadBackByteForByteInOrderThenEndOfData() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 1, 100);
        write(c, 2, 1);
        write(c, 3, 5000);
        c.rewind();
        assertArrayEquals(TestBlocks.bytes(1, 100), readData(c, 100));
        assertArrayEquals(TestBlocks.bytes(2, 1), readData(c, 1));
        assertArrayEquals(TestBlocks.bytes(3, 5000), readData(c, 5000));
        assertEquals(new ReadOutcome(RecordKind.END_OF_DATA, 0, 0), c.read(ByteBuffer.allocate(1)));
        assertEquals(new TapePosition(0, 3, 0, false, true, false), c.position());
    }

    @Test
    void readIntoSmallerBufferCopiesWhatFitsReportsRecordLengthAndMovesPastBlock() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 7, 300);
        write(c, 8, 10);
        c.rewind();
        ByteBuffer dst = ByteBuffer.allocate(100);
        assertEquals(new ReadOutcome(RecordKind.DATA, 300, 100), c.read(dst));
        byte[] expected = new byte[100];
        System.arraycopy(TestBlocks.bytes(7, 300), 0, expected, 0, 100);
        assertArrayEquals(expected, TestBlocks.copied(dst));
        assertEquals(1, c.position().logicalObject());
    }

    @Test
    void writeBeforeEndOfDataDiscardsEverythingAfterIt() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 1, 10);
        write(c, 2, 10);
        c.writeFilemarks(1);
        write(c, 3, 10);
        c.locate(0, 1);
        write(c, 4, 20);
        assertEquals(new TapePosition(0, 2, 0, false, true, false), c.position());
        c.rewind();
        assertArrayEquals(TestBlocks.bytes(1, 10), readData(c, 10));
        assertArrayEquals(TestBlocks.bytes(4, 20), readData(c, 20));
        assertEquals(RecordKind.END_OF_DATA, c.read(ByteBuffer.allocate(10)).kind());
        assertEquals(CAPACITY - 30, c.capacity(0).remaining());
    }

    @Test
    void filemarksAreLogicalObjectsCountedInThePosition() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 1, 10);
        assertEquals(WriteOutcome.WRITTEN, c.writeFilemarks(2));
        write(c, 2, 10);
        assertEquals(new TapePosition(0, 4, 2, false, true, false), c.position());
    }

    @Test
    void writingZeroFilemarksChangesNothing() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 1, 10);
        write(c, 2, 10);
        c.rewind();
        assertEquals(WriteOutcome.WRITTEN, c.writeFilemarks(0));
        c.spaceToEndOfData();
        assertEquals(2, c.position().logicalObject());
    }

    @Test
    void readingAFilemarkReportsItAndMovesPastIt() throws Exception {
        MountedCartridge c = mountDefault();
        c.writeFilemarks(1);
        write(c, 1, 10);
        c.rewind();
        assertEquals(new ReadOutcome(RecordKind.FILEMARK, 0, 0), c.read(ByteBuffer.allocate(10)));
        assertEquals(new TapePosition(0, 1, 1, false, false, false), c.position());
        assertArrayEquals(TestBlocks.bytes(1, 10), readData(c, 10));
    }

    /** Layout used by the spacing tests: B0 B1 FM2 B3 B4 FM5 B6, EOD at 7. */
    private MountedCartridge spacingLayout() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 0, 10);
        write(c, 1, 10);
        c.writeFilemarks(1);
        write(c, 3, 10);
        write(c, 4, 10);
        c.writeFilemarks(1);
        write(c, 6, 10);
        c.rewind();
        return c;
    }

    @Test
    void spacingBlocksForwardStopsAfterAFilemark() throws Exception {
        MountedCartridge c = spacingLayout();
        assertEquals(new SpaceOutcome(2, RecordKind.FILEMARK), c.spaceBlocks(5));
        assertEquals(3, c.position().logicalObject());
        assertEquals(1, c.position().filemarks());
    }

    @Test
    void spacingBlocksBackwardStopsBeforeAFilemark() throws Exception {
        MountedCartridge c = spacingLayout();
        c.locate(0, 5);
        assertEquals(new SpaceOutcome(2, RecordKind.FILEMARK), c.spaceBlocks(-3));
        assertEquals(2, c.position().logicalObject());
        assertEquals(0, c.position().filemarks());
    }

    @Test
    void spacingBlocksForwardStopsAtEndOfData() throws Exception {
        MountedCartridge c = spacingLayout();
        c.locate(0, 6);
        assertEquals(new SpaceOutcome(1, RecordKind.END_OF_DATA), c.spaceBlocks(4));
        assertTrue(c.position().endOfData());
        assertEquals(7, c.position().logicalObject());
    }

    @Test
    void spacingBlocksBackwardStopsAtBeginningOfPartition() throws Exception {
        MountedCartridge c = spacingLayout();
        c.locate(0, 2);
        assertEquals(new SpaceOutcome(2, RecordKind.BEGINNING_OF_PARTITION), c.spaceBlocks(-3));
        assertTrue(c.position().beginningOfPartition());
    }

    @Test
    void spacingBlocksByExactCountCompletes() throws Exception {
        MountedCartridge c = spacingLayout();
        assertEquals(SpaceOutcome.complete(2), c.spaceBlocks(2));
        assertEquals(2, c.position().logicalObject());
        assertEquals(SpaceOutcome.complete(0), c.spaceBlocks(0));
        assertEquals(2, c.position().logicalObject());
    }

    @Test
    void spacingFilemarksForwardEndsAfterTheLastOne() throws Exception {
        MountedCartridge c = spacingLayout();
        assertEquals(SpaceOutcome.complete(2), c.spaceFilemarks(2));
        assertEquals(new TapePosition(0, 6, 2, false, false, false), c.position());
    }

    @Test
    void spacingFilemarksBackwardEndsBeforeTheLastOne() throws Exception {
        MountedCartridge c = spacingLayout();
        c.spaceToEndOfData();
        assertEquals(SpaceOutcome.complete(2), c.spaceFilemarks(-2));
        assertEquals(new TapePosition(0, 2, 0, false, false, false), c.position());
    }

    @Test
    void spacingFilemarksPastTheLastStopsAtEndOfDataWithCount() throws Exception {
        MountedCartridge c = spacingLayout();
        assertEquals(new SpaceOutcome(2, RecordKind.END_OF_DATA), c.spaceFilemarks(3));
        assertEquals(new TapePosition(0, 7, 2, false, true, false), c.position());
    }

    @Test
    void spacingFilemarksBackwardPastTheFirstStopsAtBeginningOfPartition() throws Exception {
        MountedCartridge c = spacingLayout();
        c.locate(0, 4);
        assertEquals(new SpaceOutcome(1, RecordKind.BEGINNING_OF_PARTITION), c.spaceFilemarks(-2));
        assertEquals(0, c.position().logicalObject());
    }

    @Test
    void locateMovesToTheLogicalObject() throws Exception {
        MountedCartridge c = spacingLayout();
        assertEquals(SpaceOutcome.complete(4), c.locate(0, 4));
        assertEquals(new TapePosition(0, 4, 1, false, false, false), c.position());
        assertArrayEquals(TestBlocks.bytes(4, 10), readData(c, 10));
    }

    @Test
    void locatePastEndOfDataStopsAtEndOfData() throws Exception {
        MountedCartridge c = spacingLayout();
        assertEquals(new SpaceOutcome(7, RecordKind.END_OF_DATA), c.locate(0, 100));
        assertEquals(new TapePosition(0, 7, 2, false, true, false), c.position());
    }

    @Test
    void locateToAMissingPartitionIsAnInvalidPosition() throws Exception {
        MountedCartridge c = spacingLayout();
        c.locate(0, 3);
        MediumException e = assertThrows(MediumException.class, () -> c.locate(1, 0));
        assertEquals(MediumError.INVALID_POSITION, e.error());
        assertEquals(3, c.position().logicalObject());
    }

    @Test
    void eraseMovesEndOfDataToThePosition() throws Exception {
        MountedCartridge c = spacingLayout();
        c.locate(0, 3);
        c.erase();
        assertEquals(new TapePosition(0, 3, 1, false, true, false), c.position());
        assertEquals(CAPACITY - 20, c.capacity(0).remaining());
        c.rewind();
        assertEquals(new SpaceOutcome(1, RecordKind.END_OF_DATA), c.spaceFilemarks(2));
    }

    @Test
    void writeProtectedCartridgeRefusesEveryChangeButReads() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 1, 10);
        setWriteProtected(BARCODE, true);
        c.rewind();
        TestBlocks.Counted p = TestBlocks.payload(2, 10);
        assertEquals(MediumError.WRITE_PROTECTED, assertThrows(MediumException.class, () -> c.writeBlock(p)).error());
        assertEquals(1, p.releases());
        assertEquals(MediumError.WRITE_PROTECTED,
                assertThrows(MediumException.class, () -> c.writeFilemarks(1)).error());
        assertEquals(MediumError.WRITE_PROTECTED, assertThrows(MediumException.class, c::erase).error());
        assertEquals(MediumError.WRITE_PROTECTED,
                assertThrows(MediumException.class, () -> c.format(new long[] {0})).error());
        assertArrayEquals(TestBlocks.bytes(1, 10), readData(c, 10));
        assertEquals(1, c.position().logicalObject());
    }

    @Test
    void wormCartridgeRefusesToOverwriteData() throws Exception {
        MountedCartridge c = mountOne(info(WORM_BARCODE, true, CAPACITY), Long.MAX_VALUE);
        write(c, 1, 10);
        write(c, 2, 10);
        c.locate(0, 1);
        assertEquals(MediumError.WORM_OVERWRITE,
                assertThrows(MediumException.class, () -> c.writeBlock(TestBlocks.payload(3, 10))).error());
        assertEquals(MediumError.WORM_OVERWRITE, assertThrows(MediumException.class, c::erase).error());
        assertEquals(MediumError.WORM_OVERWRITE,
                assertThrows(MediumException.class, () -> c.format(new long[] {0})).error());
        c.rewind();
        assertArrayEquals(TestBlocks.bytes(1, 10), readData(c, 10));
        assertArrayEquals(TestBlocks.bytes(2, 10), readData(c, 10));
        assertTrue(c.position().endOfData());
    }

    @Test
    void wormCartridgeAppendsAtEndOfDataAndOverTrailingFilemarks() throws Exception {
        MountedCartridge c = mountOne(info(WORM_BARCODE, true, CAPACITY), Long.MAX_VALUE);
        write(c, 1, 10);
        c.writeFilemarks(2);
        c.locate(0, 2);
        write(c, 2, 10);
        c.writeFilemarks(1);
        assertEquals(new TapePosition(0, 4, 2, false, true, false), c.position());
    }

    @Test
    void earlyWarningStartsExactlyAtTheConfiguredReserveBeforeTheEnd() throws Exception {
        MountedCartridge c = mountDefault();
        long ew = CAPACITY - RESERVE;
        assertEquals(new PartitionCapacity(CAPACITY, CAPACITY, ew), c.capacity(0));
        int block = 64 << 10;
        for (long written = 0; written + block < ew; written += block) {
            assertEquals(WriteOutcome.WRITTEN, c.writeBlock(TestBlocks.payload(0, block)));
        }
        long before = CAPACITY - c.capacity(0).remaining();
        int last = (int) (ew - before);
        assertEquals(WriteOutcome.WRITTEN, c.writeBlock(TestBlocks.payload(1, last - 1)));
        assertFalse(c.position().earlyWarning());
        assertEquals(WriteOutcome.WRITTEN_EARLY_WARNING, c.writeBlock(TestBlocks.payload(2, 1)));
        assertTrue(c.position().earlyWarning());
        assertEquals(WriteOutcome.WRITTEN_EARLY_WARNING, c.writeFilemarks(1));
    }

    @Test
    void blockPassingTheEndOfThePartitionIsRefusedAndNothingIsWritten() throws Exception {
        MountedCartridge c = mountDefault();
        int block = 128 << 10;
        for (int i = 0; i < CAPACITY / block - 1; i++) {
            c.writeBlock(TestBlocks.payload(i, block));
        }
        c.writeBlock(TestBlocks.payload(99, block - 5));
        TapePosition before = c.position();
        assertEquals(5, c.capacity(0).remaining());
        TestBlocks.Counted tooBig = TestBlocks.payload(100, 6);
        assertEquals(MediumError.END_OF_MEDIUM,
                assertThrows(MediumException.class, () -> c.writeBlock(tooBig)).error());
        assertEquals(1, tooBig.releases());
        assertEquals(before, c.position());
        assertEquals(WriteOutcome.WRITTEN_EARLY_WARNING, c.writeBlock(TestBlocks.payload(101, 5)));
        assertEquals(0, c.capacity(0).remaining());
    }

    @Test
    void quotaRefusesAWriteThatWouldExceedItAndTruncationGivesSpaceBack() throws Exception {
        MountedCartridge c = mountOne(info(BARCODE, false, CAPACITY), 1000);
        write(c, 1, 600);
        assertEquals(MediumError.QUOTA_EXCEEDED,
                assertThrows(MediumException.class, () -> c.writeBlock(TestBlocks.payload(2, 401))).error());
        assertEquals(1, c.position().logicalObject());
        c.rewind();
        assertEquals(WriteOutcome.WRITTEN, c.writeBlock(TestBlocks.payload(3, 1000)));
    }

    @Test
    void blockLargerThanTheMaximumIsRefused() throws Exception {
        MountedCartridge c = mountDefault();
        assertEquals(MediumError.BLOCK_TOO_LARGE, assertThrows(MediumException.class,
                () -> c.writeBlock(TestBlocks.payload(1, POLICY.maxBlockSize() + 1))).error());
        assertEquals(0, c.position().logicalObject());
    }

    @Test
    void payloadIsReleasedOnceWhenStored() throws Exception {
        MountedCartridge c = mountDefault();
        TestBlocks.Counted p = TestBlocks.payload(1, 10);
        c.writeBlock(p);
        assertEquals(1, p.releases());
    }

    @Test
    void formattingIntoPartitionsErasesAndGivesEachItsOwnLog() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 1, 10);
        c.format(new long[] {100_000, 0});
        assertEquals(2, c.partitionCount());
        assertEquals(new TapePosition(0, 0, 0, true, true, false), c.position());
        assertEquals(100_000, c.capacity(0).total());
        assertEquals(CAPACITY - 100_000, c.capacity(1).total());
        write(c, 2, 10);
        c.locate(1, 0);
        write(c, 3, 20);
        c.writeFilemarks(1);
        assertEquals(new TapePosition(1, 2, 1, false, true, false), c.position());
        c.locate(0, 0);
        assertArrayEquals(TestBlocks.bytes(2, 10), readData(c, 10));
        assertTrue(c.position().endOfData());
        c.rewind();
        assertEquals(0, c.position().partition());
    }

    @Test
    void formattingMorePartitionsThanTheMediaAllowsIsRefused() throws Exception {
        MountedCartridge c = mountOne(info("LTO5A1L5", false, CAPACITY), Long.MAX_VALUE);
        write(c, 1, 10);
        assertEquals(MediumError.INVALID_PARAMETER,
                assertThrows(MediumException.class, () -> c.format(new long[] {10, 10, 0})).error());
        assertEquals(1, c.partitionCount());
        c.rewind();
        assertArrayEquals(TestBlocks.bytes(1, 10), readData(c, 10));
    }

    @Test
    void hostAttributesAreWrittenAndReadBackPerPartition() throws Exception {
        MountedCartridge c = mountDefault();
        SortedMap<Integer, byte[]> attrs = new TreeMap<>();
        attrs.put(MamAttributeIds.APPLICATION_VENDOR, MamAttributeIds.ascii("BACULA", 8));
        attrs.put(MamAttributeIds.VOLUME_COHERENCY_INFORMATION, new byte[] {1, 2, 3});
        c.attributes().write(0, attrs);
        assertArrayEquals(MamAttributeIds.ascii("BACULA", 8),
                c.attributes().read(0, MamAttributeIds.APPLICATION_VENDOR).orElseThrow());
        assertArrayEquals(new byte[] {1, 2, 3},
                c.attributes().readAll(0).get(MamAttributeIds.VOLUME_COHERENCY_INFORMATION));
        assertArrayEquals(MamAttributeIds.barcodeAttribute(BARCODE),
                c.attributes().read(0, MamAttributeIds.BARCODE).orElseThrow());
    }

    @Test
    void deviceAttributesAreReadOnly() throws Exception {
        MountedCartridge c = mountDefault();
        SortedMap<Integer, byte[]> attrs = new TreeMap<>();
        attrs.put(MamAttributeIds.APPLICATION_NAME, new byte[] {1});
        attrs.put(MamAttributeIds.LOAD_COUNT, new byte[8]);
        assertEquals(MediumError.INVALID_PARAMETER,
                assertThrows(MediumException.class, () -> c.attributes().write(0, attrs)).error());
        assertTrue(c.attributes().read(0, MamAttributeIds.APPLICATION_NAME).isEmpty());
    }

    @Test
    void loadCountAndCapacityAttributesFollowTheCartridge() throws Exception {
        CartridgeStore store = open(POLICY, Long.MAX_VALUE, List.of(info(BARCODE, false, 4L << 20)));
        store.mount(BARCODE).close();
        mounted = store.mount(BARCODE);
        for (int i = 0; i < 4; i++) {
            mounted.writeBlock(TestBlocks.payload(i, 256 << 10));
        }
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 2},
                mounted.attributes().read(0, MamAttributeIds.LOAD_COUNT).orElseThrow());
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 3},
                mounted.attributes().read(0, MamAttributeIds.REMAINING_CAPACITY).orElseThrow());
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 4},
                mounted.attributes().read(0, MamAttributeIds.MAXIMUM_CAPACITY).orElseThrow());
        assertEquals(2, mounted.statistics().loadCount());
    }

    @Test
    void aMountedCartridgeCannotBeMountedAgainUntilClosed() throws Exception {
        CartridgeStore store = open(POLICY, Long.MAX_VALUE, List.of(info(BARCODE, false, CAPACITY)));
        MountedCartridge first = store.mount(BARCODE);
        assertEquals(MediumError.NOT_AVAILABLE,
                assertThrows(MediumException.class, () -> store.mount(BARCODE)).error());
        first.close();
        mounted = store.mount(BARCODE);
        assertEquals(new TapePosition(0, 0, 0, true, true, false), mounted.position());
    }

    @Test
    void mountingAnUnknownBarcodeIsRefused() throws Exception {
        CartridgeStore store = open(POLICY, Long.MAX_VALUE, List.of(info(BARCODE, false, CAPACITY)));
        assertTrue(store.find("NOPE01L9").isEmpty());
        assertEquals(MediumError.NOT_AVAILABLE,
                assertThrows(MediumException.class, () -> store.mount("NOPE01L9")).error());
    }

    @Test
    void aClosedCartridgeRefusesOperations() throws Exception {
        CartridgeStore store = open(POLICY, Long.MAX_VALUE, List.of(info(BARCODE, false, CAPACITY)));
        MountedCartridge c = store.mount(BARCODE);
        c.close();
        assertEquals(MediumError.NOT_AVAILABLE,
                assertThrows(MediumException.class, () -> c.writeBlock(TestBlocks.payload(1, 1))).error());
        assertEquals(MediumError.NOT_AVAILABLE, assertThrows(MediumException.class, c::rewind).error());
    }

    @Test
    void statisticsCountBytesWrittenAndReturned() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 1, 1000);
        write(c, 2, 500);
        c.rewind();
        c.read(ByteBuffer.allocate(100));
        CartridgeStatistics s = c.statistics();
        assertEquals(1500, s.bytesWrittenNative());
        assertEquals(100, s.bytesReadNative());
        assertEquals(1, s.loadCount());
        assertEquals(0, s.readErrorsUncorrected());
    }

    @Test
    void contentPartitionsAndAttributesSurviveARestart() throws Exception {
        MountedCartridge c = mountDefault();
        c.format(new long[] {200_000, 0});
        write(c, 1, 10);
        c.writeFilemarks(1);
        c.locate(1, 0);
        write(c, 2, 20);
        SortedMap<Integer, byte[]> attrs = new TreeMap<>();
        attrs.put(MamAttributeIds.APPLICATION_NAME, MamAttributeIds.ascii("LTFS", 32));
        c.attributes().write(1, attrs);
        c.close();
        mounted = restart().mount(BARCODE);
        MountedCartridge r = mounted;
        assertEquals(2, r.partitionCount());
        assertArrayEquals(TestBlocks.bytes(1, 10), readData(r, 10));
        assertEquals(RecordKind.FILEMARK, r.read(ByteBuffer.allocate(1)).kind());
        assertTrue(r.position().endOfData());
        r.locate(1, 0);
        assertArrayEquals(TestBlocks.bytes(2, 20), readData(r, 20));
        assertArrayEquals(MamAttributeIds.ascii("LTFS", 32),
                r.attributes().read(1, MamAttributeIds.APPLICATION_NAME).orElseThrow());
        assertEquals(2, r.statistics().loadCount());
        assertEquals(30, r.statistics().bytesWrittenNative());
    }

    @Test
    void spacingByTheLargestCountsStopsAtEndOfDataOrBeginningOfPartition() throws Exception {
        MountedCartridge c = mountDefault();
        write(c, 1, 10);
        write(c, 2, 10);
        c.rewind();
        assertEquals(new SpaceOutcome(2, RecordKind.END_OF_DATA), c.spaceBlocks(Long.MAX_VALUE));
        assertEquals(new SpaceOutcome(2, RecordKind.BEGINNING_OF_PARTITION), c.spaceBlocks(Long.MIN_VALUE));
        assertEquals(new SpaceOutcome(0, RecordKind.END_OF_DATA), c.spaceFilemarks(Long.MAX_VALUE));
        assertEquals(new SpaceOutcome(0, RecordKind.BEGINNING_OF_PARTITION), c.spaceFilemarks(Long.MIN_VALUE));
    }
}
