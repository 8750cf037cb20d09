package org.vtl.cartridge;

/**
 * Resolves a FORMAT MEDIUM / partition request (SSC-5 6.3, mode page 11h) into partition sizes.
 * Pure arithmetic shared by every {@link MountedCartridge} implementation.
 */
public final class PartitionSizes {

    private PartitionSizes() {
    }

    /**
     * Sizes of the partitions for a request: each size in native bytes, at most one 0 meaning "the rest".
     * Without a 0 the sizes need not add up to the capacity (the rest stays unused).
     *
     * @throws MediumException {@link MediumError#INVALID_PARAMETER} when the count is not 1..max for the media
     *                         type, a size is negative, two sizes are 0 or the sizes exceed the capacity
     */
    public static long[] resolve(long[] requested, MediaType type, long capacity) throws MediumException {
        if (requested == null || requested.length < 1 || requested.length > type.maxPartitions()) {
            throw new MediumException(MediumError.INVALID_PARAMETER,
                    type + " allows 1.." + type.maxPartitions() + " partitions");
        }
        long sum = 0;
        int rest = -1;
        for (int i = 0; i < requested.length; i++) {
            long size = requested[i];
            if (size < 0) {
                throw new MediumException(MediumError.INVALID_PARAMETER, "negative partition size");
            }
            if (size == 0) {
                if (rest >= 0) {
                    throw new MediumException(MediumError.INVALID_PARAMETER, "only one partition may take the rest");
                }
                rest = i;
            }
            sum += size;
            if (sum > capacity || sum < 0) {
                throw new MediumException(MediumError.INVALID_PARAMETER, "partition sizes exceed the capacity");
            }
        }
        long[] sizes = requested.clone();
        if (rest >= 0) {
            sizes[rest] = capacity - sum;
        }
        return sizes;
    }
}
