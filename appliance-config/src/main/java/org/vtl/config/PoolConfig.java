package org.vtl.config;

/** The RAID-6 pool: its member disks, how they are split into groups, the chunk size and the I/O mode. */
public record PoolConfig(
        @ConfigKey(doc = "The member disks (files or block devices).")
        MembersConfig members,
        @ConfigKey(doc = "Bytes per member per stripe; a power of two. A stripe holds (members per group - 2) chunks "
                + "of data and is one cartridge segment, so it bounds the largest tape block (4 MiB by default).",
                min = 4096, max = 16 << 20)
        ByteSize chunkSize,
        @ConfigKey(doc = "Number of RAID-6 groups the members are split into, in order; "
                + "each group has 4 to 24 members.",
                min = 1, max = 64)
        int groups,
        @ConfigKey(doc = "Open members with O_DIRECT (aligned pooled buffers, several writes in flight); "
                + "falls back to the page cache where the filesystem refuses it.")
        boolean directIo,
        @ConfigKey(doc = "Full stripes one writing drive may have on their way to the members while it compresses "
                + "the next blocks (0: each stripe is written before the next block is accepted). All are waited "
                + "for at every sync point (filemark, rewind, unload...); see ADR 0005.",
                min = 0, max = 16)
        int stripesInFlightPerDrive) {
}
