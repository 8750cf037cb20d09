package org.vtl.cartridge.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A {@link SegmentStore} in one sparse file divided into fixed slots of one segment each: thin-provisioned
 * (an unwritten slot costs nothing), bounded by a slot count so a full pool can be tested. The address of an
 * extent is its byte offset in the file. A partial segment still takes a whole slot; the RAID pool adapter
 * does better with narrower stripes.
 */
public final class FileSegmentStore implements SegmentStore {

    private static final int ALIGNMENT = 4096;

    private final FileChannel channel;
    private final int segmentCapacity;
    private final long slotSize;
    private final int slots;
    private final BitSet used = new BitSet();
    private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
    private final Map<ByteBuffer, Integer> claims = new IdentityHashMap<>();

    private final boolean fsync;

    private FileSegmentStore(FileChannel channel, int segmentCapacity, int slots, boolean fsync) {
        this.channel = channel;
        this.fsync = fsync;
        this.segmentCapacity = segmentCapacity;
        this.slotSize = (segmentCapacity + ALIGNMENT - 1L) / ALIGNMENT * ALIGNMENT;
        this.slots = slots;
    }

    /**
     * Opens (creating if needed) the store file.
     *
     * @param segmentCapacity bytes per segment
     * @param slots           how many segments the file may hold
     */
    public static FileSegmentStore open(Path file, int segmentCapacity, int slots) throws IOException {
        return open(file, segmentCapacity, slots, true);
    }

    /**
     * Opens the store file; with {@code fsync} false {@link #sync()} does nothing, so data survives a process
     * kill but not a power loss. For tests of semantics, never for an appliance.
     */
    public static FileSegmentStore open(Path file, int segmentCapacity, int slots, boolean fsync)
            throws IOException {
        if (segmentCapacity < 4096 || slots < 1) {
            throw new IllegalArgumentException("segment capacity >= 4096 and slots >= 1 required");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new FileSegmentStore(ch, segmentCapacity, slots, fsync);
    }

    @Override
    public int segmentCapacity() {
        return segmentCapacity;
    }

    @Override
    public synchronized ByteBuffer claim() throws IOException {
        int slot = used.nextClearBit(0);
        if (slot >= slots) {
            throw new SegmentStoreFullException("all " + slots + " segment slots are used");
        }
        used.set(slot);
        ByteBuffer b = buffers.poll();
        if (b == null) {
            b = ByteBuffer.allocateDirect(segmentCapacity);
        }
        b.clear();
        claims.put(b, slot);
        return b;
    }

    @Override
    public StoredExtent write(ByteBuffer claimed, int length) throws IOException {
        int slot;
        synchronized (this) {
            Integer s = claims.get(claimed);
            if (s == null) {
                throw new IllegalArgumentException("buffer was not claimed from this store");
            }
            slot = s;
        }
        long address = slot * slotSize;
        ByteBuffer src = claimed.duplicate().position(0).limit(length);
        long at = address;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
        synchronized (this) {
            claims.remove(claimed);
            buffers.push(claimed);
        }
        return new StoredExtent(address, length);
    }

    @Override
    public synchronized void release(ByteBuffer claimed) {
        Integer slot = claims.remove(claimed);
        if (slot != null) {
            used.clear(slot);
            buffers.push(claimed);
        }
    }

    @Override
    public void sync() throws IOException {
        if (fsync) {
            channel.force(false);
        }
    }

    @Override
    public void read(StoredExtent extent, int offset, ByteBuffer destination) throws IOException {
        if (offset < 0 || offset + (long) destination.remaining() > extent.length()) {
            throw new IOException("read outside extent " + extent);
        }
        long at = extent.address() + offset;
        while (destination.hasRemaining()) {
            int n = channel.read(destination, at);
            if (n < 0) {
                throw new IOException("extent " + extent + " ends early in the file");
            }
            at += n;
        }
    }

    @Override
    public synchronized void free(StoredExtent extent) {
        used.clear(Math.toIntExact(extent.address() / slotSize));
    }

    @Override
    public synchronized void recover(Iterable<StoredExtent> live) {
        used.clear();
        for (ByteBuffer claimed : claims.keySet()) {
            used.set(claims.get(claimed));
        }
        for (StoredExtent e : live) {
            used.set(Math.toIntExact(e.address() / slotSize));
        }
    }

    @Override
    public synchronized long freeBytes() {
        return (long) (slots - used.cardinality()) * segmentCapacity;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
