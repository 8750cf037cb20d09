package org.vtl.admin;

import org.vtl.config.PartitionConfig;

/**
 * A library partition as the API shows it: its configuration (the same keys as in the YAML file, without the
 * CHAP secrets) and what it holds now.
 *
 * @param config     name, IQN, changer, drives, slots, quota, CHAP user, allowed initiators
 * @param cartridges cartridges the partition owns (slots, drives, mail slots)
 * @param usedBytes  pool bytes its cartridges use (after compression)
 * @param sessions   iSCSI sessions logged in to its target
 */
public record PartitionView(PartitionConfig config, long cartridges, long usedBytes, int sessions) {
}
