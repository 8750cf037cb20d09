package org.vtl.scsi.spc;

import java.util.List;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;

/**
 * LOG SENSE and LOG SELECT over the device's log page table (SPC-5 6.8, 6.9, 7.3.2). Page 00h lists
 * the supported pages (subpage 00h) or pages and subpages (subpage FFh). Parameters are reported from
 * the PARAMETER POINTER on. LOG SELECT supports PCR (reset) with an empty parameter list.
 */
final class LogCommands {

    private final SpcLogicalUnit unit;

    LogCommands(SpcLogicalUnit unit) {
        this.unit = unit;
    }

    ScsiResponse logSense(ScsiTask task) {
        byte[] cdb = task.cdb();
        if ((cdb[1] & 0x02) != 0) {
            throw ScsiException.invalidCdbField(1, 1); // PPC not supported
        }
        if ((cdb[1] & 0x01) != 0) {
            throw ScsiException.invalidCdbField(1, 0); // SP: saving not supported
        }
        int pageCode = cdb[2] & 0x3f;
        int subpage = cdb[3] & 0xff;
        int pointer = Cdb.u16(cdb, 5);
        if (pageCode == 0) {
            return supportedPages(subpage);
        }
        for (LogPage p : unit.logPages()) {
            if (p.pageCode() == pageCode && p.subpageCode() == subpage) {
                return SpcLogicalUnit.data(encode(p, pointer));
            }
        }
        throw ScsiException.invalidCdbField(subpage != 0 ? 3 : 2, -1);
    }

    private ScsiResponse supportedPages(int subpage) {
        if (subpage == 0) {
            byte[] codes = SpcPages.pageList(unit.logPages());
            byte[] b = new byte[4 + codes.length];
            Cdb.put16(b, 2, codes.length);
            System.arraycopy(codes, 0, b, 4, codes.length);
            return SpcLogicalUnit.data(b);
        }
        if (subpage == 0xff) {
            List<LogPage> pages = unit.logPages().stream()
                    .sorted((a, c) -> a.pageCode() != c.pageCode() ? Integer.compare(a.pageCode(), c.pageCode())
                            : Integer.compare(a.subpageCode(), c.subpageCode()))
                    .toList();
            byte[] b = new byte[4 + 2 * (pages.size() + 1)];
            b[0] = 0x40; // SPF
            b[1] = (byte) 0xff;
            Cdb.put16(b, 2, b.length - 4);
            int at = 4;
            b[at++] = 0x00; // 00h/FFh itself
            b[at++] = (byte) 0xff;
            for (LogPage p : pages) {
                b[at++] = (byte) p.pageCode();
                b[at++] = (byte) p.subpageCode();
            }
            return SpcLogicalUnit.data(b);
        }
        throw ScsiException.invalidCdbField(3, -1);
    }

    static byte[] encode(LogPage page, int pointer) {
        List<LogParameter> params = page.parameters().stream().filter(p -> p.code() >= pointer).toList();
        int length = 0;
        for (LogParameter p : params) {
            length += p.encodedLength();
        }
        byte[] b = new byte[4 + length];
        b[0] = (byte) ((page.subpageCode() != 0 ? 0x40 : 0) | page.pageCode());
        b[1] = (byte) page.subpageCode();
        Cdb.put16(b, 2, length);
        int at = 4;
        for (LogParameter p : params) {
            p.encode(b, at);
            at += p.encodedLength();
        }
        return b;
    }

    ScsiResponse logSelect(ScsiTask task) {
        byte[] cdb = task.cdb();
        if ((cdb[1] & 0x01) != 0) {
            throw ScsiException.invalidCdbField(1, 0);
        }
        if (Cdb.u16(cdb, 7) != 0) {
            throw ScsiException.invalidCdbField(7, -1); // parameter values are not settable
        }
        if ((cdb[1] & 0x02) != 0) { // PCR
            int pageCode = cdb[2] & 0x3f;
            for (LogPage p : unit.logPages()) {
                if (pageCode == 0 || p.pageCode() == pageCode) {
                    p.reset();
                }
            }
        }
        return ScsiResponse.good();
    }
}
