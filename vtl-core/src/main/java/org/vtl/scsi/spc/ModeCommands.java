package org.vtl.scsi.spc;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;

/**
 * MODE SENSE(6)/(10) and MODE SELECT(6)/(10) over the device's mode page table (SPC-5 6.11-6.14,
 * 7.5.5 mode parameter header, 7.5.6 block descriptor). Saved pages are not supported: PC 11b is
 * SAVING PARAMETERS NOT SUPPORTED and SP=1 is INVALID FIELD IN CDB.
 */
final class ModeCommands {

    private static final int ALL_PAGES = 0x3F;
    private static final int ALL_SUBPAGES = 0xFF;

    private final SpcLogicalUnit unit;

    ModeCommands(SpcLogicalUnit unit) {
        this.unit = unit;
    }

    ScsiResponse modeSense6(ScsiTask task) {
        return modeSense(task.cdb(), false);
    }

    ScsiResponse modeSense10(ScsiTask task) {
        return modeSense(task.cdb(), true);
    }

    private ScsiResponse modeSense(byte[] cdb, boolean ten) {
        boolean dbd = (cdb[1] & 0x08) != 0;
        int pc = (cdb[2] & 0xc0) >>> 6;
        int pageCode = cdb[2] & 0x3f;
        int subpage = cdb[3] & 0xff;
        if (pc == 3) {
            throw ScsiException.of(SenseCode.SAVING_PARAMETERS_NOT_SUPPORTED);
        }
        ByteArrayOutputStream pages = new ByteArrayOutputStream();
        int found = 0;
        boolean headerOnly = pageCode == 0 && subpage == 0; // page 00h: header and block descriptor (Linux st)
        for (ModePage p : headerOnly ? List.<ModePage>of() : sorted(unit.modePages())) {
            if (matches(p, pageCode, subpage)) {
                byte[] v = p.values(pc);
                if (pc == 1) {
                    System.arraycopy(p.values(0), 0, v, 0, p.headerLength()); // header as for current
                }
                pages.writeBytes(v);
                found++;
            }
        }
        if (found == 0 && pageCode != ALL_PAGES && !headerOnly) {
            throw ScsiException.invalidCdbField(subpage != 0 && hasPage(pageCode) ? 3 : 2, -1);
        }
        byte[] descriptor = dbd ? null : unit.blockDescriptor();
        if (descriptor != null && pc == 1) {
            descriptor = new byte[] {0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff}; // block length only
        }
        int headerLength = ten ? 8 : 4;
        int bdLength = descriptor == null ? 0 : 8;
        byte[] b = new byte[headerLength + bdLength + pages.size()];
        if (ten) {
            Cdb.put16(b, 0, b.length - 2);
            b[2] = (byte) unit.mediumType();
            b[3] = (byte) unit.deviceSpecificParameter();
            Cdb.put16(b, 6, bdLength);
        } else {
            b[0] = (byte) (b.length - 1);
            b[1] = (byte) unit.mediumType();
            b[2] = (byte) unit.deviceSpecificParameter();
            b[3] = (byte) bdLength;
        }
        if (descriptor != null) {
            System.arraycopy(descriptor, 0, b, headerLength, 8);
        }
        byte[] p = pages.toByteArray();
        System.arraycopy(p, 0, b, headerLength + bdLength, p.length);
        return SpcLogicalUnit.data(b);
    }

    private boolean hasPage(int pageCode) {
        return unit.modePages().stream().anyMatch(p -> p.pageCode() == pageCode);
    }

    private static boolean matches(ModePage p, int pageCode, int subpage) {
        boolean pageMatches = pageCode == ALL_PAGES || p.pageCode() == pageCode;
        boolean subMatches = subpage == ALL_SUBPAGES || p.subpageCode() == subpage;
        return pageMatches && subMatches;
    }

    private static List<ModePage> sorted(List<ModePage> pages) {
        return pages.stream().sorted((a, b) -> a.pageCode() != b.pageCode()
                ? Integer.compare(a.pageCode(), b.pageCode()) : Integer.compare(a.subpageCode(), b.subpageCode()))
                .toList();
    }

    ScsiResponse modeSelect6(ScsiTask task) {
        return modeSelect(task, false, task.cdb()[4] & 0xff);
    }

    ScsiResponse modeSelect10(ScsiTask task) {
        return modeSelect(task, true, Cdb.u16(task.cdb(), 7));
    }

    private ScsiResponse modeSelect(ScsiTask task, boolean ten, int listLength) {
        byte[] cdb = task.cdb();
        if ((cdb[1] & 0x01) != 0) {
            throw ScsiException.invalidCdbField(1, 0); // SP: saved pages not supported
        }
        if (listLength == 0) {
            return ScsiResponse.good();
        }
        byte[] p = task.parameterData();
        int headerLength = ten ? 8 : 4;
        if (p.length < listLength || listLength < headerLength) {
            throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
        }
        int mediumType = p[ten ? 2 : 1] & 0xff;
        int deviceSpecific = p[ten ? 3 : 2] & 0xff;
        int bdLength = ten ? Cdb.u16(p, 6) : p[3] & 0xff;
        if (mediumType != 0) {
            throw ScsiException.invalidParameterField(ten ? 2 : 1, -1);
        }
        if (ten && (p[4] & 0x01) != 0) {
            throw ScsiException.invalidParameterField(4, 0); // LONGLBA
        }
        if (bdLength != 0 && bdLength != 8) {
            throw ScsiException.invalidParameterField(ten ? 7 : 3, -1);
        }
        if (headerLength + bdLength > listLength) {
            throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
        }
        boolean pf = (cdb[1] & 0x10) != 0;
        if (!pf && listLength > headerLength + bdLength) {
            throw ScsiException.invalidCdbField(1, 4); // vendor-specific page format is not supported
        }
        List<Selected> pages = checkPages(p, headerLength + bdLength, listLength);
        unit.selectDeviceSpecific(deviceSpecific, ten ? 3 : 2);
        if (bdLength == 8) {
            unit.selectBlockDescriptor(p, headerLength); // checks everything before it sets the block length
        }
        boolean changed = false;
        for (Selected s : pages) { // every check passed: nothing below refuses, so the select is all or nothing
            changed |= s.page().apply(s.bytes());
        }
        if (changed) {
            unit.unitAttentions().raise(SenseCode.MODE_PARAMETERS_CHANGED, task.nexus());
        }
        return ScsiResponse.good();
    }

    private record Selected(ModePage page, byte[] bytes) {
    }

    /** Parses and checks every page of the parameter list; changes nothing. */
    private List<Selected> checkPages(byte[] p, int start, int end) {
        List<Selected> out = new java.util.ArrayList<>();
        int at = start;
        while (at < end) {
            boolean subpageFormat = (p[at] & 0x40) != 0;
            int pageCode = p[at] & 0x3f;
            int headerLength = subpageFormat ? 4 : 2;
            if (at + headerLength > end) {
                throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
            }
            int subpage = subpageFormat ? p[at + 1] & 0xff : 0;
            int length = headerLength + (subpageFormat ? Cdb.u16(p, at + 2) : p[at + 1] & 0xff);
            if (at + length > end) {
                throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
            }
            ModePage page = find(pageCode, subpage);
            if (page == null) {
                throw ScsiException.invalidParameterField(at, -1);
            }
            byte[] bytes = page.fullLength(java.util.Arrays.copyOfRange(p, at, at + length));
            page.check(bytes, at);
            out.add(new Selected(page, bytes));
            at += length;
        }
        return out;
    }

    private ModePage find(int pageCode, int subpage) {
        for (ModePage p : unit.modePages()) {
            if (p.pageCode() == pageCode && p.subpageCode() == subpage) {
                return p;
            }
        }
        return null;
    }
}
