package org.vtl.config;

import java.util.List;

/**
 * One library partition: its own iSCSI target (IQN) with a changer, tape drives, storage and import/export
 * slots, cartridges, capacity quota, CHAP credentials and initiator ACL.
 */
public record PartitionConfig(
        @ConfigKey(doc = "Partition name: lower-case letters, digits and '-', 1 to 32 characters.", required = true)
        String name,
        @ConfigKey(doc = "The partition's iSCSI target name; empty means iqn.2026-11.org.vtl:<name>.")
        String iqn,
        @ConfigKey(doc = "Identity of the media changer: IBM_03584L32 or STK_L700.")
        ChangerModel changer,
        @ConfigKey(doc = "Number of tape drives.", min = 1, max = 64)
        int drives,
        @ConfigKey(doc = "LTO generation of the drives (LTO5..LTO9); a drive writes its own and the previous generation.")
        LtoGeneration driveGeneration,
        @ConfigKey(doc = "Drive identity: IBM (ULT3580-TDn) or HP (Ultrium n-SCSI).")
        DriveVendor driveVendor,
        @ConfigKey(doc = "Storage slots.", min = 1, max = 8192)
        int slots,
        @ConfigKey(doc = "Import/export slots (mail slots).", min = 0, max = 256)
        int importExportSlots,
        @ConfigKey(doc = "Cartridges created in the storage slots when the partition is first created.", max = 1024)
        List<CartridgeRange> cartridges,
        @ConfigKey(doc = "Most pool space (stored bytes after compression) the partition may use; empty: no quota.",
                min = 1L << 30)
        ByteSize quota,
        @ConfigKey(doc = "CHAP credentials initiators must log in with; empty: no CHAP.")
        ChapConfig chap,
        @ConfigKey(doc = "Initiator names (iqn., eui. or naa.) allowed to log in; empty: any initiator.", max = 1024)
        List<String> allowedInitiators) {

    /** The target name prefix a partition gets when its IQN is not given. */
    public static final String IQN_PREFIX = "iqn.2026-11.org.vtl:";

    public PartitionConfig {
        if ((iqn == null || iqn.isEmpty()) && name != null) {
            iqn = IQN_PREFIX + name;
        }
        cartridges = List.copyOf(cartridges);
        allowedInitiators = List.copyOf(allowedInitiators);
    }
}
