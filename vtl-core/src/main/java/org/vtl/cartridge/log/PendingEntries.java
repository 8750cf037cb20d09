package org.vtl.cartridge.log;

import java.util.Arrays;

import org.vtl.catalog.BlockEntry;
import org.vtl.catalog.CatalogBatch;

/**
 * Block index entries of records accepted since the last catalog commit, in parallel primitive arrays that
 * are reused (no allocation per block once grown). Written to the catalog by {@link #writeTo}.
 */
final class PendingEntries {

    private int size;
    private long[] objects = new long[64];
    private long[] extents = new long[64];
    private int[] offsets = new int[64];
    private int[] kinds = new int[64];
    private int[] lengths = new int[64];
    private int[] storedLengths = new int[64];
    private long[] bytesBefore = new long[64];
    private long[] filemarksBefore = new long[64];
    private long[] storedBefore = new long[64];

    int size() {
        return size;
    }

    void add(long object, long extent, int offset, int kind, int length, int storedLength, long bytes,
             long filemarks, long stored) {
        if (size == objects.length) {
            grow();
        }
        objects[size] = object;
        extents[size] = extent;
        offsets[size] = offset;
        kinds[size] = kind;
        lengths[size] = length;
        storedLengths[size] = storedLength;
        bytesBefore[size] = bytes;
        filemarksBefore[size] = filemarks;
        storedBefore[size] = stored;
        size++;
    }

    long object(int i) {
        return objects[i];
    }

    long bytesBefore(int i) {
        return bytesBefore[i];
    }

    long filemarksBefore(int i) {
        return filemarksBefore[i];
    }

    long storedBefore(int i) {
        return storedBefore[i];
    }

    /** Puts the first {@code count} entries, and a filemark index entry for each filemark, into the batch. */
    void writeTo(CatalogBatch batch, long cartridge, int partition, int count) {
        for (int i = 0; i < count; i++) {
            batch.putBlock(cartridge, partition, objects[i], extents[i], offsets[i], kinds[i], lengths[i],
                    storedLengths[i], bytesBefore[i], filemarksBefore[i], storedBefore[i]);
            if (kinds[i] == BlockEntry.FILEMARK) {
                batch.putFilemark(cartridge, partition, filemarksBefore[i], objects[i]);
            }
        }
    }

    /** Forgets the first {@code count} entries (committed), keeping the rest in order. */
    void dropFirst(int count) {
        int rest = size - count;
        System.arraycopy(objects, count, objects, 0, rest);
        System.arraycopy(extents, count, extents, 0, rest);
        System.arraycopy(offsets, count, offsets, 0, rest);
        System.arraycopy(kinds, count, kinds, 0, rest);
        System.arraycopy(lengths, count, lengths, 0, rest);
        System.arraycopy(storedLengths, count, storedLengths, 0, rest);
        System.arraycopy(bytesBefore, count, bytesBefore, 0, rest);
        System.arraycopy(filemarksBefore, count, filemarksBefore, 0, rest);
        System.arraycopy(storedBefore, count, storedBefore, 0, rest);
        size = rest;
    }

    private void grow() {
        int n = objects.length * 2;
        objects = Arrays.copyOf(objects, n);
        extents = Arrays.copyOf(extents, n);
        offsets = Arrays.copyOf(offsets, n);
        kinds = Arrays.copyOf(kinds, n);
        lengths = Arrays.copyOf(lengths, n);
        storedLengths = Arrays.copyOf(storedLengths, n);
        bytesBefore = Arrays.copyOf(bytesBefore, n);
        filemarksBefore = Arrays.copyOf(filemarksBefore, n);
        storedBefore = Arrays.copyOf(storedBefore, n);
    }
}
