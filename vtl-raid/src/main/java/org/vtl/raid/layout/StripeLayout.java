package org.vtl.raid.layout;

/**
 * The geometry of one RAID-6 group: {@code dataWidth} (k) data members plus P and Q, cut into rows of
 * one chunk per member.
 *
 * <p>Member slot of a row (repeated every {@link #slotSize()} bytes from {@link #DATA_START}):
 * <pre>
 *   +------------------------------+------------------+
 *   | chunk (chunkSize bytes)      | trailer (4 KiB)  |   trailer: StripeTrailerDescriptor
 *   +------------------------------+------------------+
 * </pre>
 * A stripe of width {@code w} (1..k data chunks) in row {@code r} gives role {@code j} (data
 * {@code 0..w-1}, then P = {@code w}, Q = {@code w+1}) to member {@code (r + j) mod (k+2)}: parity rotates
 * across all members row by row, and a narrow stripe simply leaves the row's other members unused.
 *
 * @param dataWidth k, 2..22
 * @param chunkSize bytes per chunk, a multiple of 4096
 */
public record StripeLayout(int dataWidth, int chunkSize) {

    /** Smallest and largest number of data members in a group. */
    public static final int MIN_DATA_WIDTH = 2;
    public static final int MAX_DATA_WIDTH = 22;
    /** Default chunk: 256 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;
    /** Alignment of chunks, trailers and the data area (the O_DIRECT block). */
    public static final int BLOCK = 4096;
    /** Size of the per-member stripe trailer that follows each chunk. */
    public static final int TRAILER_SIZE = BLOCK;
    /** First byte of row 0 on every member; the superblock copies live before it. */
    public static final long DATA_START = 1L << 20;

    public StripeLayout {
        if (dataWidth < MIN_DATA_WIDTH || dataWidth > MAX_DATA_WIDTH) {
            throw new IllegalArgumentException("data width " + dataWidth + " outside " + MIN_DATA_WIDTH + ".."
                    + MAX_DATA_WIDTH + " (a group has 4..24 members)");
        }
        if (chunkSize < BLOCK || chunkSize % BLOCK != 0 || chunkSize > (64 << 20)) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " must be a multiple of 4096 up to 64 MiB");
        }
    }

    /** k + 2. */
    public int memberCount() {
        return dataWidth + 2;
    }

    /** Bytes of data a full-width stripe holds: k x chunk. */
    public int stripeCapacity() {
        return dataWidth * chunkSize;
    }

    /** Bytes a row occupies on each member: chunk plus trailer. */
    public long slotSize() {
        return (long) chunkSize + TRAILER_SIZE;
    }

    /** Byte offset of the row's chunk on every member. */
    public long chunkOffset(long row) {
        return DATA_START + row * slotSize();
    }

    /** Byte offset of the row's trailer on every member. */
    public long trailerOffset(long row) {
        return chunkOffset(row) + chunkSize;
    }

    /** Rows that fit on a member of {@code memberBytes} bytes. */
    public long rowsFor(long memberBytes) {
        return Math.max(0, (memberBytes - DATA_START) / slotSize());
    }

    /** Member bytes needed to hold {@code rows} rows. */
    public long memberBytesFor(long rows) {
        return DATA_START + rows * slotSize();
    }

    /** Data chunks needed for {@code length} bytes: 1..k. */
    public int widthFor(int length) {
        if (length <= 0 || length > stripeCapacity()) {
            throw new IllegalArgumentException("stripe length " + length + " outside 1.." + stripeCapacity());
        }
        return (length + chunkSize - 1) / chunkSize;
    }

    /** The member holding role {@code role} of the stripe in {@code row}. */
    public int member(long row, int role) {
        return (int) ((row + role) % memberCount());
    }

    /** The role of {@code member} in a stripe of {@code width} in {@code row}, or -1 if it holds none. */
    public int role(long row, int member, int width) {
        int n = memberCount();
        int role = (int) (((member - row) % n + n) % n);
        return role < width + 2 ? role : -1;
    }
}
