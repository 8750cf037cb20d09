package org.vtl.bench.e2e;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where a library is and how its LUNs are laid out: our appliance puts the changer on LUN 0 and drives on
 * LUNs 1..n, tgt (as tgt-library.sh configures it) drives on 1..n and the changer on n+1. Drive LUNs are paired
 * with data transfer elements in ascending address order.
 *
 * @param label      the target's name in reports ("appliance", "tgt")
 * @param portal     iSCSI portal (loopback)
 * @param iqn        target name
 * @param changerLun the SMC LUN
 * @param driveLuns  the SSC LUNs, in the order of the data transfer element addresses
 * @param targetPid  the target process for CPU accounting, or 0 when unknown
 * @param chapUser   CHAP user or null
 * @param chapSecret CHAP secret or null
 */
public record TargetLayout(String label, InetSocketAddress portal, String iqn, int changerLun, List<Integer> driveLuns,
                           long targetPid, String chapUser, String chapSecret) {
    public TargetLayout {
        driveLuns = List.copyOf(driveLuns);
    }
}
