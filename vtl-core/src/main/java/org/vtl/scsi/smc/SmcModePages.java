package org.vtl.scsi.smc;

import java.util.List;

import org.vtl.library.ElementLayout;
import org.vtl.library.ElementType;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.spc.ModePage;

/**
 * The changer's mode pages (SMC-3 7.3): element address assignment 1Dh, transport geometry 1Eh and
 * device capabilities 1Fh. None is changeable.
 */
final class SmcModePages {

    /** Storage, import/export and data transfer elements hold media; every move between them is supported. */
    private static final int STORE_AND_MOVE = 0x0E;

    private SmcModePages() {
    }

    static List<ModePage> pages(ElementLayout layout) {
        return List.of(elementAddressAssignment(layout), transportGeometry(layout), deviceCapabilities());
    }

    /** SMC-3 7.3.3, Table 104. */
    static ModePage elementAddressAssignment(ElementLayout layout) {
        byte[] p = ModePage.page(0x1D, 0, 0x12);
        int at = 2;
        for (ElementType t : new ElementType[] {ElementType.MEDIUM_TRANSPORT, ElementType.STORAGE,
                ElementType.IMPORT_EXPORT, ElementType.DATA_TRANSFER}) {
            Cdb.put16(p, at, layout.count(t) == 0 ? 0 : layout.first(t));
            Cdb.put16(p, at + 2, layout.count(t));
            at += 4;
        }
        return ModePage.of(0x1D, 0, p, unchangeable(p.length));
    }

    /** SMC-3 7.3.5: one descriptor per transport; no rotation, member 0. */
    static ModePage transportGeometry(ElementLayout layout) {
        byte[] p = ModePage.page(0x1E, 0, 2 * layout.transportCount());
        return ModePage.of(0x1E, 0, p, unchangeable(p.length));
    }

    /** SMC-3 7.3.2, Table 102: STOR bits, MOVE and EXCHANGE capabilities per source element type. */
    static ModePage deviceCapabilities() {
        byte[] p = ModePage.page(0x1F, 0, 0x12);
        p[2] = STORE_AND_MOVE; // StorDT, StorI/E, StorST
        for (int i = 4; i <= 7; i++) {
            p[i] = STORE_AND_MOVE; // MT->, ST->, I/E->, DT-> may move to DT, I/E, ST
            p[i + 8] = STORE_AND_MOVE; // exchanges likewise
        }
        return ModePage.of(0x1F, 0, p, unchangeable(p.length));
    }

    private static byte[] unchangeable(int length) {
        return new byte[length];
    }
}
