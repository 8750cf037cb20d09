package org.vtl.cartridge.memory;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStatistics;
import org.vtl.cartridge.MamAttributeIds;
import org.vtl.cartridge.MamAttributes;
import org.vtl.cartridge.MediumError;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.PartitionCapacity;
import org.vtl.cartridge.PartitionSizes;
import org.vtl.cartridge.ReadOutcome;
import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.SpaceOutcome;
import org.vtl.cartridge.TapePosition;
import org.vtl.cartridge.WriteOutcome;
import org.vtl.scsi.Payload;

/**
 * A cartridge of a {@link MemoryCartridgeStore} loaded in a drive. Written in the plainest way (linear scans)
 * because it is the reference the other implementation is checked against.
 *
 * <p>Rules beyond the interface, shared by every implementation: a WORM cartridge accepts writes and ERASE
 * before end-of-data only where every object from the position to end-of-data is a filemark (appending after
 * the closing filemarks of a previous session, as IBM's WORM mode allows); writing 0 filemarks changes
 * nothing and is allowed even when write-protected; filemarks take no native capacity.
 */
final class MemoryMountedCartridge implements MountedCartridge {

    private final MemoryCartridgeStore store;
    private final MemoryCartridge cartridge;
    private int partition;
    private long position;
    private boolean closed;

    MemoryMountedCartridge(MemoryCartridgeStore store, MemoryCartridge cartridge) {
        this.store = store;
        this.cartridge = cartridge;
    }

    @Override
    public CartridgeInfo info() {
        synchronized (store) {
            return cartridge.info;
        }
    }

    @Override
    public TapePosition position() {
        synchronized (store) {
            MemoryPartition p = current();
            long ew = store.policy().earlyWarningPoint(p.size());
            return new TapePosition(partition, position, p.filemarksBefore(position), position == 0,
                    position == p.endOfData(), p.bytesBefore(position) >= ew);
        }
    }

    @Override
    public WriteOutcome writeBlock(Payload block) throws MediumException {
        try {
            synchronized (store) {
                int length = block.length();
                checkWritable();
                if (length > store.policy().maxBlockSize()) {
                    throw new MediumException(MediumError.BLOCK_TOO_LARGE,
                            "block of " + length + " bytes exceeds " + store.policy().maxBlockSize());
                }
                MemoryPartition p = current();
                checkWormAllowsWriteHere(p);
                long before = p.bytesBefore(position);
                if (before + length > p.size()) {
                    throw new MediumException(MediumError.END_OF_MEDIUM, "block would pass the end of partition "
                            + partition + " (" + (p.size() - before) + " bytes left)");
                }
                long freed = p.used() - before;
                if (store.storedBytes() - freed + length > store.quota()) {
                    throw new MediumException(MediumError.QUOTA_EXCEEDED, "partition quota of " + store.quota()
                            + " bytes reached");
                }
                p.truncate(position);
                p.appendBlock(block.toByteArray());
                position++;
                cartridge.bytesWrittenNative += length;
                cartridge.bytesWrittenStored += length;
                return outcome(p);
            }
        } finally {
            block.release();
        }
    }

    @Override
    public WriteOutcome writeFilemarks(long count) throws MediumException {
        synchronized (store) {
            checkOpen();
            if (count < 0) {
                throw new MediumException(MediumError.INVALID_PARAMETER, "negative filemark count");
            }
            MemoryPartition p = current();
            if (count == 0) {
                return outcome(p);
            }
            checkWritable();
            checkWormAllowsWriteHere(p);
            p.truncate(position);
            for (long i = 0; i < count; i++) {
                p.appendFilemark();
            }
            position += count;
            return outcome(p);
        }
    }

    @Override
    public void flush() throws MediumException {
        synchronized (store) {
            checkOpen();
        }
    }

    @Override
    public ReadOutcome read(ByteBuffer destination) throws MediumException {
        synchronized (store) {
            checkOpen();
            MemoryPartition p = current();
            if (position == p.endOfData()) {
                return new ReadOutcome(RecordKind.END_OF_DATA, 0, 0);
            }
            if (p.isFilemark(position)) {
                position++;
                return new ReadOutcome(RecordKind.FILEMARK, 0, 0);
            }
            byte[] data = p.data(position);
            int copied = Math.min(data.length, destination.remaining());
            destination.put(data, 0, copied);
            position++;
            cartridge.bytesReadNative += copied;
            cartridge.bytesReadStored += data.length;
            return new ReadOutcome(RecordKind.DATA, data.length, copied);
        }
    }

    @Override
    public SpaceOutcome spaceBlocks(long count) throws MediumException {
        synchronized (store) {
            checkOpen();
            MemoryPartition p = current();
            long done = 0;
            if (count >= 0) {
                while (done < count) {
                    if (position == p.endOfData()) {
                        return new SpaceOutcome(done, RecordKind.END_OF_DATA);
                    }
                    boolean filemark = p.isFilemark(position);
                    position++;
                    if (filemark) {
                        return new SpaceOutcome(done, RecordKind.FILEMARK);
                    }
                    done++;
                }
                return SpaceOutcome.complete(done);
            }
            long back = count == Long.MIN_VALUE ? Long.MAX_VALUE : -count;
            while (done < back) {
                if (position == 0) {
                    return new SpaceOutcome(done, RecordKind.BEGINNING_OF_PARTITION);
                }
                position--;
                if (p.isFilemark(position)) {
                    return new SpaceOutcome(done, RecordKind.FILEMARK);
                }
                done++;
            }
            return SpaceOutcome.complete(done);
        }
    }

    @Override
    public SpaceOutcome spaceFilemarks(long count) throws MediumException {
        synchronized (store) {
            checkOpen();
            MemoryPartition p = current();
            long done = 0;
            if (count >= 0) {
                while (done < count) {
                    if (position == p.endOfData()) {
                        return new SpaceOutcome(done, RecordKind.END_OF_DATA);
                    }
                    if (p.isFilemark(position)) {
                        done++;
                    }
                    position++;
                }
                return SpaceOutcome.complete(done);
            }
            long back = count == Long.MIN_VALUE ? Long.MAX_VALUE : -count;
            while (done < back) {
                if (position == 0) {
                    return new SpaceOutcome(done, RecordKind.BEGINNING_OF_PARTITION);
                }
                position--;
                if (p.isFilemark(position)) {
                    done++;
                }
            }
            return SpaceOutcome.complete(done);
        }
    }

    @Override
    public void spaceToEndOfData() throws MediumException {
        synchronized (store) {
            checkOpen();
            position = current().endOfData();
        }
    }

    @Override
    public SpaceOutcome locate(int targetPartition, long logicalObject) throws MediumException {
        synchronized (store) {
            checkOpen();
            if (targetPartition < 0 || targetPartition >= cartridge.partitions.size() || logicalObject < 0) {
                throw new MediumException(MediumError.INVALID_POSITION,
                        "no partition " + targetPartition + " / object " + logicalObject);
            }
            partition = targetPartition;
            long eod = current().endOfData();
            if (logicalObject > eod) {
                position = eod;
                return new SpaceOutcome(eod, RecordKind.END_OF_DATA);
            }
            position = logicalObject;
            return SpaceOutcome.complete(logicalObject);
        }
    }

    @Override
    public void rewind() throws MediumException {
        synchronized (store) {
            checkOpen();
            partition = 0;
            position = 0;
        }
    }

    @Override
    public void erase() throws MediumException {
        synchronized (store) {
            checkWritable();
            MemoryPartition p = current();
            checkWormAllowsWriteHere(p);
            p.truncate(position);
        }
    }

    @Override
    public void format(long[] partitionSizes) throws MediumException {
        synchronized (store) {
            checkWritable();
            CartridgeInfo info = cartridge.info;
            long[] sizes = PartitionSizes.resolve(partitionSizes, info.mediaType(), info.nativeCapacity());
            if (info.worm() && cartridge.objectCount() > 0) {
                throw new MediumException(MediumError.WORM_OVERWRITE, "a WORM cartridge with data cannot be formatted");
            }
            cartridge.formatInto(sizes);
            partition = 0;
            position = 0;
        }
    }

    @Override
    public int partitionCount() {
        synchronized (store) {
            return cartridge.partitions.size();
        }
    }

    @Override
    public PartitionCapacity capacity(int index) {
        synchronized (store) {
            if (index < 0 || index >= cartridge.partitions.size()) {
                throw new IllegalArgumentException("no partition " + index);
            }
            MemoryPartition p = cartridge.partitions.get(index);
            return new PartitionCapacity(p.size(), p.size() - p.used(), store.policy().earlyWarningPoint(p.size()));
        }
    }

    @Override
    public void setCompression(boolean enabled) {
        // The reference model stores blocks as they are: compression changes no observable tape behaviour.
    }

    @Override
    public CartridgeStatistics statistics() {
        synchronized (store) {
            return cartridge.statistics();
        }
    }

    @Override
    public MamAttributes attributes() {
        return new Attributes();
    }

    @Override
    public void close() {
        synchronized (store) {
            if (!closed) {
                closed = true;
                cartridge.mounted = false;
            }
        }
    }

    private MemoryPartition current() {
        return cartridge.partitions.get(partition);
    }

    private WriteOutcome outcome(MemoryPartition p) {
        return p.bytesBefore(position) >= store.policy().earlyWarningPoint(p.size())
                ? WriteOutcome.WRITTEN_EARLY_WARNING : WriteOutcome.WRITTEN;
    }

    private void checkOpen() throws MediumException {
        if (closed) {
            throw new MediumException(MediumError.NOT_AVAILABLE, "cartridge was unloaded");
        }
    }

    private void checkWritable() throws MediumException {
        checkOpen();
        if (cartridge.info.writeProtected()) {
            throw new MediumException(MediumError.WRITE_PROTECTED, "cartridge is write-protected");
        }
    }

    private void checkWormAllowsWriteHere(MemoryPartition p) throws MediumException {
        if (cartridge.info.worm() && !p.onlyFilemarksFrom(position)) {
            throw new MediumException(MediumError.WORM_OVERWRITE, "WORM cartridge: data after position " + position);
        }
    }

    /** MAM view: device attributes computed, host attributes kept per partition. */
    private final class Attributes implements MamAttributes {

        @Override
        public Optional<byte[]> read(int index, int id) {
            return Optional.ofNullable(readAll(index).get(id));
        }

        @Override
        public SortedMap<Integer, byte[]> readAll(int index) {
            synchronized (store) {
                SortedMap<Integer, byte[]> out = new TreeMap<>();
                if (index < 0 || index >= cartridge.partitions.size()) {
                    return out;
                }
                out.putAll(MamAttributeIds.deviceAttributes(cartridge.info, capacity(index), cartridge.loadCount));
                cartridge.hostAttributes.get(index).forEach((k, v) -> out.put(k, v.clone()));
                return out;
            }
        }

        @Override
        public void write(int index, SortedMap<Integer, byte[]> attributes) throws MediumException {
            synchronized (store) {
                checkWritable();
                if (index < 0 || index >= cartridge.partitions.size()) {
                    throw new MediumException(MediumError.INVALID_POSITION, "no partition " + index);
                }
                for (var e : attributes.entrySet()) {
                    if (!MamAttributeIds.isHostWritable(e.getKey()) || e.getValue() == null
                            || e.getValue().length > MamAttributeIds.MAX_VALUE_LENGTH) {
                        throw new MediumException(MediumError.INVALID_PARAMETER,
                                String.format("attribute %04Xh is read-only or too long", e.getKey()));
                    }
                }
                SortedMap<Integer, byte[]> host = cartridge.hostAttributes.get(index);
                for (var e : attributes.entrySet()) {
                    if (e.getValue().length == 0) {
                        host.remove(e.getKey());
                    } else {
                        host.put(e.getKey(), e.getValue().clone());
                    }
                }
            }
        }
    }
}
