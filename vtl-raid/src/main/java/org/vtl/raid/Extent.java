package org.vtl.raid;

/**
 * Where one written stripe lives: the caller stores this in its catalog, reads any byte range of it,
 * and frees it when its last reference goes (the pool keeps no record-level or reference-count
 * knowledge, so extents can be shared by deduplication above).
 *
 * @param group RAID-6 group index
 * @param row stripe row within the group
 * @param width data chunks, 1..k (narrower than k for a stripe written at a sync point)
 * @param length bytes of data, 1..width x chunk
 */
public record Extent(int group, long row, int width, int length) {

    public Extent {
        if (group < 0 || row < 0 || width < 1 || length < 1) {
            throw new IllegalArgumentException("invalid extent " + group + "/" + row + " width " + width
                    + " length " + length);
        }
    }
}
