package org.vtl.config;

import java.util.List;

/** The iSCSI target: portals and the limits it negotiates (RFC 7143 13). */
public record IscsiConfig(
        @ConfigKey(doc = "Portals as host:port (IPv6 as [addr]:port); every partition's target is reachable on each. "
                + "Port 0 picks a free port (tests).", min = 1, max = 16)
        List<String> portals,
        @ConfigKey(doc = "Most sessions the target accepts at once, all partitions together.", min = 1, max = 1024)
        int maxSessions,
        @ConfigKey(doc = "MaxRecvDataSegmentLength the target declares (RFC 7143 13.12).", min = 512, max = 16_777_215)
        int maxRecvDataSegmentLength,
        @ConfigKey(doc = "MaxBurstLength the target offers (RFC 7143 13.13).", min = 512, max = 16_777_215)
        int maxBurstLength,
        @ConfigKey(doc = "FirstBurstLength the target offers (RFC 7143 13.14); at most maxBurstLength.",
                min = 512, max = 16_777_215)
        int firstBurstLength) {

    public IscsiConfig {
        portals = List.copyOf(portals);
    }
}
