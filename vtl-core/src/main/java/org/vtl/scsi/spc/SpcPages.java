package org.vtl.scsi.spc;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages every logical unit has: the control mode page (SPC-5 7.5.8, D_SENSE selects descriptor-format
 * sense), and the supported-pages pages derived from the device's tables (log page 00h, SPC-5 7.3.18;
 * VPD page 00h, SPC-5 7.8.14), as LIO derives {@code spc_emulate_evpd_00} from its handler table.
 */
final class SpcPages {

    private SpcPages() {
    }

    /** Control mode page 0Ah: D_SENSE (byte 2 bit 2) is changeable; QUEUE ALGORITHM MODIFIER 1 (unrestricted). */
    static ModePage controlPage() {
        byte[] defaults = ModePage.page(0x0A, 0, 0x0A);
        defaults[3] = 0x10; // QUEUE ALGORITHM MODIFIER 1h
        busyTimeout(defaults);
        byte[] changeable = ModePage.page(0x0A, 0, 0x0A);
        changeable[0] = 0;
        changeable[1] = 0;
        changeable[2] = 0x04;
        return ModePage.of(0x0A, 0, defaults, changeable);
    }

    /**
     * Informational exceptions control page 1Ch (SPC-5 7.5.11): DEXCPT=1, MRIE 6h (report on request only: the
     * TapeAlert log page). DEXCPT and MRIE are changeable so applications that configure TapeAlert can; exception
     * conditions are still reported only through log page 2Eh.
     */
    static ModePage informationalExceptionsPage() {
        byte[] defaults = ModePage.page(0x1C, 0, 0x0A);
        defaults[2] = 0x08; // DEXCPT
        defaults[3] = 0x06; // MRIE: only report informational exception condition on request
        byte[] changeable = new byte[defaults.length];
        changeable[2] = 0x08;
        changeable[3] = 0x0f;
        return ModePage.of(0x1C, 0, defaults, changeable);
    }

    private static void busyTimeout(byte[] page) {
        page[8] = (byte) 0xff; // BUSY TIMEOUT PERIOD: unlimited
        page[9] = (byte) 0xff;
    }

    /** Log page 00h: the supported pages (subpage 00h) or pages and subpages (subpage FFh). */
    static LogPage supportedLogPages(List<LogPage> table) {
        return new LogPage() {
            @Override
            public int pageCode() {
                return 0x00;
            }

            @Override
            public List<LogParameter> parameters() {
                return List.of(); // encoded specially by LogCommands: a list of codes, not parameters
            }
        };
    }

    /** The page codes of the table, ascending, each once (subpage 0 pages only). */
    static byte[] pageList(List<LogPage> table) {
        List<Integer> codes = new ArrayList<>();
        for (LogPage p : table) {
            if (p.subpageCode() == 0 && !codes.contains(p.pageCode())) {
                codes.add(p.pageCode());
            }
        }
        codes.sort(Integer::compare);
        byte[] b = new byte[codes.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = codes.get(i).byteValue();
        }
        return b;
    }

    /** VPD page 00h: every page of the table, ascending. */
    static VpdPage supportedVpdPages(List<VpdPage> table) {
        return new VpdPage(0x00, () -> {
            List<Integer> codes = new ArrayList<>();
            for (VpdPage p : table) {
                codes.add(p.pageCode());
            }
            codes.sort(Integer::compare);
            byte[] b = new byte[codes.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = codes.get(i).byteValue();
            }
            return b;
        });
    }
}
