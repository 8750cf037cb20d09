package org.vtl.config;

import java.util.List;

/**
 * The embedded default appliance of design.md ("Defaults that run"): ./vtl-data, six sparse file members in
 * RAID-6, one partition "default" with 1 changer, 2 LTO drives, 24 slots, 4 import/export slots and 20 labelled
 * cartridges, a portal on 127.0.0.1:3260 and the admin API on 127.0.0.1 with a token file in the data directory.
 * Also the templates a list element or an optional section starts from when the file gives only some keys.
 */
public final class Defaults {

    /** Admin API port of the default appliance. */
    public static final int ADMIN_PORT = 9260;

    private Defaults() {
    }

    /** The embedded default appliance. */
    public static ApplianceConfig appliance() {
        PartitionConfig partition = new PartitionConfig("default", PartitionConfig.IQN_PREFIX + "default",
                ChangerModel.IBM_03584L32, 2, LtoGeneration.LTO9, DriveVendor.IBM, 24, 4,
                List.of(new CartridgeRange("VTL000L9-VTL019L9", LtoGeneration.LTO9, null, false)),
                null, null, List.of());
        return new ApplianceConfig("./vtl-data",
                new PoolConfig(new MembersConfig(6, List.of(), ByteSize.ofGiB(16)), ByteSize.ofMiB(1), 1, true, 2),
                new CompressionConfig(Codec.ZSTD, 1, 2, 64),
                new IscsiConfig(List.of("127.0.0.1:3260"), 64, 262_144, 1_048_576, 65_536),
                List.of(partition),
                new AdminConfig("127.0.0.1", ADMIN_PORT, "admin.token"),
                new MetricsConfig(true, true));
    }

    /**
     * What an element of a list, or an optional section, starts from when the file gives it: the defaults of
     * its keys, {@code null} for keys that are required or empty by default.
     */
    public static Object template(Class<?> type) {
        if (type == PartitionConfig.class) {
            return new PartitionConfig(null, "", ChangerModel.IBM_03584L32, 2, LtoGeneration.LTO9, DriveVendor.IBM,
                    24, 4, List.of(), null, null, List.of());
        }
        if (type == CartridgeRange.class) {
            return new CartridgeRange(null, LtoGeneration.LTO9, null, false);
        }
        if (type == ChapConfig.class) {
            return new ChapConfig(null, null, null, null);
        }
        throw new IllegalArgumentException("no template for " + type.getSimpleName());
    }
}
