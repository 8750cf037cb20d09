package org.vtl.iscsi.server;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.vtl.iscsi.login.DigestPolicy;
import org.vtl.iscsi.login.InitiatorAcl;
import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.testlu.SequentialUnit;

import java.util.Map;

/**
 * Runs targets for manual captures (see src/test/resources/pdu/README.md): on PORT an open target
 * {@code iqn.2026-11.org.vtl:demo}, a CHAP target {@code :chap} (user {@code initiator}, secret
 * {@code initiator-secret}) and a mutual CHAP target {@code :mutual} (target secret {@code target-secret-1});
 * on PORT+1 the same with CRC32C digests required. A changer at LUN 0 and two tape units.
 */
public final class DemoTarget {

    private DemoTarget() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3262;
        TargetRegistry registry = new TargetRegistry();
        registry.put(TargetDefinition.open("iqn.2026-11.org.vtl:demo", units()));
        registry.put(new TargetDefinition("iqn.2026-11.org.vtl:chap", "chap", units(),
                TargetAuth.chap("initiator", "initiator-secret"), InitiatorAcl.allowAll()));
        registry.put(new TargetDefinition("iqn.2026-11.org.vtl:mutual", "mutual", units(),
                TargetAuth.mutualChap("initiator", "initiator-secret", "target", "target-secret-1"),
                InitiatorAcl.allowAll()));
        IscsiTargetConfig config = IscsiTargetConfig.defaults().withPortal("127.0.0.1", port);
        try (IscsiTargetServer plain = IscsiTargetServer.start(config, registry, new SimpleMeterRegistry());
             IscsiTargetServer digests = IscsiTargetServer.start(config.withPortal("127.0.0.1", port + 1)
                     .withDigests(DigestPolicy.REQUIRED, DigestPolicy.OPTIONAL), registry, new SimpleMeterRegistry())) {
            Thread.sleep(Long.parseLong(System.getProperty("demo.millis", "600000")));
        }
    }

    private static Map<Long, org.vtl.scsi.LogicalUnit> units() {
        return Map.of(0L, SequentialUnit.changer(), 1L, SequentialUnit.tape(), 2L, SequentialUnit.tape());
    }
}
