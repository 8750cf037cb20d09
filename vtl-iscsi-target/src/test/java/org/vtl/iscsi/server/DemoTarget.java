package org.vtl.iscsi.server;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.vtl.iscsi.testlu.SequentialUnit;

import java.util.Map;

/** Runs a target with a changer at LUN 0 and two tape units on a port, for manual captures. */
public final class DemoTarget {

    private DemoTarget() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3262;
        TargetRegistry registry = new TargetRegistry();
        registry.put(TargetDefinition.open("iqn.2026-11.org.vtl:demo",
                Map.of(0L, SequentialUnit.changer(), 1L, SequentialUnit.tape(), 2L, SequentialUnit.tape())));
        try (IscsiTargetServer server = IscsiTargetServer.start(IscsiTargetConfig.defaults().withPortal("127.0.0.1",
                port), registry, new SimpleMeterRegistry())) {
            Thread.sleep(Long.parseLong(System.getProperty("demo.millis", "600000")));
        }
    }
}
