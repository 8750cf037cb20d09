package org.vtl.config;

import java.util.List;

/** The pool's member disks: either {@code count} sparse files in the data directory, or explicit {@code paths}. */
public record MembersConfig(
        @ConfigKey(doc = "Number of member disks in the pool (all groups together).", min = 4, max = 255)
        int count,
        @ConfigKey(doc = "Explicit member paths (files or block devices); empty means sparse files pool/member-N.img "
                + "in the data directory. When given, there must be exactly count of them.", max = 255)
        List<String> paths,
        @ConfigKey(doc = "Size of each member file created in the data directory (sparse: costs nothing until written); "
                + "block devices use their own size.", min = 64L << 20)
        ByteSize size) {

    public MembersConfig {
        paths = List.copyOf(paths);
    }
}
