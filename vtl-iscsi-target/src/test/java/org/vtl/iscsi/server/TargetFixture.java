package org.vtl.iscsi.server;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.vtl.iscsi.login.InitiatorAcl;
import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.testlu.SequentialUnit;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** A server on 127.0.0.1 (ephemeral port) with test targets: changer at LUN 0, tapes at 1 and 2. */
final class TargetFixture implements AutoCloseable {

    static final String OPEN = "iqn.2026-11.org.vtl:open";
    static final String CHAP = "iqn.2026-11.org.vtl:chap";
    static final String MUTUAL = "iqn.2026-11.org.vtl:mutual";
    static final String ACL = "iqn.2026-11.org.vtl:acl";

    final SequentialUnit changer = SequentialUnit.changer();
    final SequentialUnit tape = SequentialUnit.tape();
    final SequentialUnit tape2 = SequentialUnit.tape();
    final TargetRegistry registry = new TargetRegistry();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final IscsiTargetServer server;

    TargetFixture(IscsiTargetConfig config) throws InterruptedException {
        this(config, false);
    }

    /** @param openOnly only the open target (for tools that walk every target, like iscsi-ls -s) */
    TargetFixture(IscsiTargetConfig config, boolean openOnly) throws InterruptedException {
        Map<Long, org.vtl.scsi.LogicalUnit> units = Map.of(0L, changer, 1L, tape, 2L, tape2);
        registry.put(TargetDefinition.open(OPEN, units));
        if (openOnly) {
            server = IscsiTargetServer.start(config, registry, meters);
            return;
        }
        registry.put(new TargetDefinition(CHAP, "chap", units, TargetAuth.chap("initiator", "initiator-secret"),
                InitiatorAcl.allowAll()));
        registry.put(new TargetDefinition(MUTUAL, "mutual", units,
                TargetAuth.mutualChap("initiator", "initiator-secret", "target", "target-secret-1"),
                InitiatorAcl.allowAll()));
        registry.put(new TargetDefinition(ACL, null, units, TargetAuth.none(),
                InitiatorAcl.of(Set.of("iqn.2026-11.org.vtl:someone-else"))));
        server = IscsiTargetServer.start(config, registry, meters);
    }

    static IscsiTargetConfig config() {
        return IscsiTargetConfig.defaults().withPortal("127.0.0.1", Integer.getInteger("vtl.iscsi.test.port", 0))
                .withTimers(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    TargetFixture() throws InterruptedException {
        this(config());
    }

    IscsiTestClient connect() throws java.io.IOException {
        return IscsiTestClient.connect(server.localAddress());
    }

    IscsiTestClient loggedIn(String target) throws java.io.IOException {
        IscsiTestClient c = connect();
        var r = c.login(IscsiTestClient.normalKeys(target));
        if (r.statusClass() != 0) {
            throw new AssertionError("login failed " + r.statusClass() + "/" + r.statusDetail());
        }
        return c;
    }

    @Override
    public void close() {
        server.close();
    }
}
