package org.vtl.cartridge.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * One medium partition as a plain list of logical objects: a data block is its bytes, a filemark is
 * {@code null}. End-of-data is the list's size. Keeps running totals so positions report in O(1).
 */
final class MemoryPartition {

    private final long size;
    private final List<byte[]> objects = new ArrayList<>();
    /** Element i: native data bytes in objects [0, i). One more element than objects. */
    private final List<Long> bytesBefore = new ArrayList<>(List.of(0L));
    /** Element i: filemarks in objects [0, i). */
    private final List<Long> filemarksBefore = new ArrayList<>(List.of(0L));

    MemoryPartition(long size) {
        this.size = size;
    }

    long size() {
        return size;
    }

    long endOfData() {
        return objects.size();
    }

    boolean isFilemark(long object) {
        return objects.get(Math.toIntExact(object)) == null;
    }

    byte[] data(long object) {
        return objects.get(Math.toIntExact(object));
    }

    long bytesBefore(long object) {
        return bytesBefore.get(Math.toIntExact(object));
    }

    long filemarksBefore(long object) {
        return filemarksBefore.get(Math.toIntExact(object));
    }

    /** Native bytes recorded up to end-of-data. */
    long used() {
        return bytesBefore(endOfData());
    }

    /** True when every object from {@code object} to end-of-data is a filemark (or there is none). */
    boolean onlyFilemarksFrom(long object) {
        long eod = endOfData();
        return filemarksBefore(eod) - filemarksBefore(object) == eod - object;
    }

    /** Discards everything from {@code object} on: end-of-data moves there. */
    void truncate(long object) {
        int at = Math.toIntExact(object);
        objects.subList(at, objects.size()).clear();
        bytesBefore.subList(at + 1, bytesBefore.size()).clear();
        filemarksBefore.subList(at + 1, filemarksBefore.size()).clear();
    }

    void appendBlock(byte[] block) {
        long bytes = used();
        long filemarks = filemarksBefore(endOfData());
        objects.add(block);
        bytesBefore.add(bytes + block.length);
        filemarksBefore.add(filemarks);
    }

    void appendFilemark() {
        long bytes = used();
        long filemarks = filemarksBefore(endOfData());
        objects.add(null);
        bytesBefore.add(bytes);
        filemarksBefore.add(filemarks + 1);
    }
}
