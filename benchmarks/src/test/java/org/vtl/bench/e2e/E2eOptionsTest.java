package org.vtl.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class E2eOptionsTest {
    @Test
    void targetSpecGivesPortalLunsPidAndChap() {
        TargetLayout t = E2eOptions.target("label=appliance,portal=127.0.0.1:3260,iqn=iqn.x:y,changer=0,"
                + "drives=1:2,pid=77,chap=user:sec:ret");
        assertEquals("appliance", t.label());
        assertEquals(3260, t.portal().getPort());
        assertEquals(0, t.changerLun());
        assertEquals(List.of(1, 2), t.driveLuns());
        assertEquals(77, t.targetPid());
        assertEquals("user", t.chapUser());
        assertEquals("sec:ret", t.chapSecret());
    }

    @Test
    void listsAndSizesParse() {
        E2eOptions o = E2eOptions.parse(new String[] {"--block-sizes", "64k,1m", "--drives", "1,4",
            "--bytes-per-drive", "256m", "--compression", "on,off", "--unavailable", "appliance=down"});
        assertEquals(List.of(65536, 1 << 20), o.blockSizes());
        assertEquals(List.of(1, 4), o.drives());
        assertEquals(256L << 20, o.bytesPerDrive());
        assertEquals(List.of(true, false), o.compression());
        assertEquals("down", o.unavailable().get("appliance"));
    }

    @Test
    void aTargetWithoutPortalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> E2eOptions.target("label=x,iqn=a,changer=0,drives=1"));
    }
}
