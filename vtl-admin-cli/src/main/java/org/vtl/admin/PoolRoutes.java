package org.vtl.admin;

import java.util.List;
import java.util.Optional;

import org.vtl.config.ByteSize;

/** {@code /api/v1/pool}: status, add a group (a job), replace a member (a rebuild job), scrub (a job), rebuild status. */
final class PoolRoutes {

    /** Body of {@code POST /api/v1/pool/groups}. @param paths new members @param size size of member files */
    record AddGroup(List<String> paths, String size) {
    }

    /** Body of {@code POST /api/v1/pool/members/{index}/replace}. @param path the new member */
    record ReplaceMember(String path) {
    }

    private PoolRoutes() {
    }

    static void register(Router router, Optional<PoolService> service, JobRegistry jobs) {
        router.add("GET", "/api/v1/pool", r -> ApiResponse.ok(pool(service).status()));
        router.add("POST", "/api/v1/pool/groups", r -> {
            PoolService pool = pool(service);
            AddGroup add = r.body(AddGroup.class);
            if (add.paths() == null || add.paths().size() < 4) {
                throw ApiException.invalid("a RAID-6 group needs at least 4 member paths, was "
                        + (add.paths() == null ? 0 : add.paths().size()));
            }
            long size = add.size() == null ? 0 : size(add.size());
            return ApiResponse.accepted(jobs.submit("pool-add-group", "add a RAID-6 group of " + add.paths().size()
                    + " members", "stripes", p -> pool.addGroup(add.paths(), size, p)));
        });
        router.add("POST", "/api/v1/pool/members/{index}/replace", r -> {
            PoolService pool = pool(service);
            int member = Math.toIntExact(r.number("member", r.param("index")));
            ReplaceMember replace = r.body(ReplaceMember.class);
            if (replace.path() == null || replace.path().isBlank()) {
                throw ApiException.invalid("path is required: the file or device that replaces member " + member);
            }
            return ApiResponse.accepted(jobs.submit("pool-rebuild", "replace member " + member + " with "
                    + replace.path() + " and rebuild it", "stripes", p -> pool.replaceMember(member, replace.path(), p)));
        });
        router.add("POST", "/api/v1/pool/scrub", r -> {
            PoolService pool = pool(service);
            return ApiResponse.accepted(jobs.submit("pool-scrub", "scrub the pool (check P and Q of every stripe)",
                    "stripes", pool::scrub));
        });
        router.add("GET", "/api/v1/pool/rebuild", r -> {
            PoolView status = pool(service).status();
            List<PoolView.Member> rebuilding = status.groups().stream().flatMap(g -> g.members().stream())
                    .filter(m -> m.rebuildProgress() != null).toList();
            List<JobView> rebuilds = jobs.list().stream().filter(j -> j.kind().equals("pool-rebuild")).toList();
            return ApiResponse.ok(new RebuildView(status.state(), rebuilding, rebuilds));
        });
    }

    private static PoolService pool(Optional<PoolService> service) {
        return service.orElseThrow(() -> ApiException.unavailable("pool operations", "the RAID-6 pool"));
    }

    private static long size(String text) {
        try {
            return ByteSize.parse(text).bytes();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiException.invalid("size must be a size such as 16GiB, was \"" + text + "\"");
        }
    }
}
