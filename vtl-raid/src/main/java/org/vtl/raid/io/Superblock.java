package org.vtl.raid.io;

import java.util.List;
import java.util.UUID;

/**
 * What a member knows about itself and its group. Every metadata change rewrites all reachable members'
 * superblocks with one pool-wide, increasing {@code generation}, so the freshest copy wins at assembly.
 *
 * @param poolId the pool this member belongs to
 * @param memberId this member's own identity (new for each replacement)
 * @param group index of the RAID-6 group
 * @param groupCount groups in the pool when this was written
 * @param memberIndex position of this member in its group, 0..k+1
 * @param dataWidth k of the group
 * @param chunkSize chunk bytes of the group
 * @param rows rows per member of the group
 * @param generation pool-wide metadata generation
 * @param states the state of every member of the group, by index
 * @param rebuildCheckpoint for a REBUILDING member: rows below this are rebuilt
 */
public record Superblock(UUID poolId, UUID memberId, int group, int groupCount, int memberIndex, int dataWidth,
        int chunkSize, long rows, long generation, List<MemberState> states, long rebuildCheckpoint) {

    public Superblock {
        states = List.copyOf(states);
    }

    /** This member's own state in its group's table. */
    public MemberState state() {
        return states.get(memberIndex);
    }
}
