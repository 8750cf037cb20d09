package org.vtl.admin;

import java.util.List;

/**
 * {@code GET /api/v1/pool/rebuild} ({@code vtl pool rebuild-status}).
 *
 * @param state   the pool's state
 * @param members members being rebuilt, with their progress
 * @param jobs    rebuild jobs of this daemon run
 */
public record RebuildView(String state, List<PoolView.Member> members, List<JobView> jobs) {
}
