package org.vtl.admin;

import java.util.List;

/**
 * The RAID-6 pool: status, growth and repair. Implemented over {@code org.vtl.raid.Pool}. Long operations report
 * to a {@link JobProgress}.
 */
public interface PoolService {

    PoolView status();

    /**
     * Adds a RAID-6 group of new members (capacity expansion); files are created sparse at {@code sizeBytes},
     * block devices use their own size.
     */
    PoolView addGroup(List<String> paths, long sizeBytes, JobProgress progress);

    /** Replaces member {@code member} with {@code path} and rebuilds it from the others. */
    PoolView replaceMember(int member, String path, JobProgress progress);

    /**
     * Reads every stripe and checks P and Q, repairing what it can.
     *
     * @return the number of stripes found inconsistent
     */
    long scrub(JobProgress progress) throws InterruptedException;
}
