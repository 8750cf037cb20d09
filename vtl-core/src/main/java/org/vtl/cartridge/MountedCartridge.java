package org.vtl.cartridge;

import java.nio.ByteBuffer;

import org.vtl.scsi.Payload;

/**
 * A cartridge loaded in a drive: the sequential medium as a tape drive sees it.
 *
 * <p>Calls come from one thread at a time (the drive's ordered executor) and may block on I/O.
 * Positions are logical object identifiers per medium partition: data blocks and filemarks are both
 * logical objects (SSC-5 4.2.6). Writing anywhere before end-of-data first discards everything from
 * that position on (tape semantics); a WORM cartridge refuses that, except where every object from the
 * position to EOD is a filemark (appending after a previous session's closing filemarks, as IBM WORM mode
 * allows). Writing 0 filemarks changes nothing. Filemarks take no native capacity.
 */
public interface MountedCartridge extends AutoCloseable {

    /** Identity and flags of the cartridge. */
    CartridgeInfo info();

    /** The current position. */
    TapePosition position();

    /**
     * Appends one data block at the current position and moves past it. Takes ownership of
     * {@code block} (releases it once stored or on failure). Returns once the block is in the drive's
     * buffer (not necessarily durable: see {@link #flush()}).
     */
    WriteOutcome writeBlock(Payload block) throws MediumException;

    /** Writes {@code count} filemarks (0 allowed) at the current position. Not a durability barrier by itself. */
    WriteOutcome writeFilemarks(long count) throws MediumException;

    /**
     * Durability barrier: returns once every block and filemark written so far is durable (members
     * fsynced, catalog committed with a synced WAL). A drive calls it for WRITE FILEMARKS with IMMED=0
     * and before unload.
     */
    void flush() throws MediumException;

    /**
     * Reads the logical object at the current position. For DATA it copies min(record, remaining)
     * bytes into {@code destination} (advancing its position) and moves past the block; for FILEMARK
     * it moves past the filemark; at END_OF_DATA it does not move.
     */
    ReadOutcome read(ByteBuffer destination) throws MediumException;

    /** Spaces over {@code count} data blocks, forwards (&gt;0) or backwards (&lt;0); stops at a filemark, EOD or BOP. */
    SpaceOutcome spaceBlocks(long count) throws MediumException;

    /** Spaces over {@code count} filemarks, forwards or backwards; forward ends after the filemark, backward before it. */
    SpaceOutcome spaceFilemarks(long count) throws MediumException;

    /** Moves to end-of-data of the current partition. */
    void spaceToEndOfData() throws MediumException;

    /**
     * Moves to a logical object of a partition (LOCATE). Locating past EOD positions at EOD and returns
     * {@link RecordKind#END_OF_DATA}. {@link SpaceOutcome#completed()} is the logical object reached (EOD's
     * when stopped there). A partition that does not exist or a negative object is
     * {@link MediumError#INVALID_POSITION}, and the position does not change.
     */
    SpaceOutcome locate(int partition, long logicalObject) throws MediumException;

    /** Moves to the beginning of partition 0. */
    void rewind() throws MediumException;

    /** Erases from the current position to the end of the partition (ERASE): EOD is written here. */
    void erase() throws MediumException;

    /**
     * Formats the medium into {@code partitionSizes.length} partitions (1..max for the media type),
     * erasing all data; a size of 0 means "the rest". Sizes are in bytes of native capacity.
     */
    void format(long[] partitionSizes) throws MediumException;

    /** Number of medium partitions currently formatted. */
    int partitionCount();

    /** Capacity of partition {@code partition}: total and remaining native bytes, early warning. */
    PartitionCapacity capacity(int partition);

    /** Selects compression for blocks written from now on (mode page 0Fh DCE). */
    void setCompression(boolean enabled);

    /** Counters for LOG SENSE: bytes written/read native and compressed, and so on. */
    CartridgeStatistics statistics();

    /** Cartridge memory (MAM) attributes, persistent with the cartridge. */
    MamAttributes attributes();

    /** Flushes (as {@link #flush()}) and releases the cartridge so another drive can mount it. */
    @Override
    void close() throws MediumException;
}
