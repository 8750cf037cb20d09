package org.vtl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RouterTest {

    private final ApiHandler list = r -> ApiResponse.ok("list");
    private final ApiHandler show = r -> ApiResponse.ok("show");
    private final Router router = new Router()
            .add("GET", "/api/v1/partitions", list)
            .add("GET", "/api/v1/partitions/{name}", show)
            .add("DELETE", "/api/v1/partitions/{name}", show);

    @Test
    void templateCapturesDecodedPathParameters() {
        Router.Match m = router.find("GET", "/api/v1/partitions/back%20up");
        assertSame(show, m.handler());
        assertEquals(Map.of("name", "back up"), m.params());
    }

    @Test
    void trailingSlashIsTheSamePath() {
        assertSame(list, router.find("GET", "/api/v1/partitions/").handler());
    }

    @Test
    void unknownPathIs404() {
        ApiException e = assertThrows(ApiException.class, () -> router.find("GET", "/api/v2/partitions"));
        assertEquals(404, e.status());
        assertEquals("no such API path: /api/v2/partitions", e.getMessage());
    }

    @Test
    void knownPathWithAnotherMethodIs405ListingTheAllowedOnes() {
        ApiException e = assertThrows(ApiException.class, () -> router.find("PUT", "/api/v1/partitions/a"));
        assertEquals(405, e.status());
        assertEquals("PUT is not allowed on /api/v1/partitions/a (allowed: GET, DELETE)", e.getMessage());
    }
}
