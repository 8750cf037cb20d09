package org.vtl.scsi.spc;

import java.io.ByteArrayOutputStream;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.CommandDescriptor;
import org.vtl.scsi.CommandTable;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;

/**
 * REPORT SUPPORTED OPERATION CODES (MAINTENANCE IN, service action 0Ch; SPC-5 6.35), derived from the
 * command table: the all-commands format (6.35.3) and the one-command format with CDB usage data
 * (6.35.2), each optionally with command timeouts descriptors (RCTD, 6.35.4).
 */
final class SupportedOperationCodes {

    private final SpcLogicalUnit unit;

    SupportedOperationCodes(SpcLogicalUnit unit) {
        this.unit = unit;
    }

    ScsiResponse report(ScsiTask task) {
        byte[] cdb = task.cdb();
        boolean rctd = (cdb[2] & 0x80) != 0;
        int options = cdb[2] & 0x07;
        int opcode = cdb[3] & 0xff;
        int serviceAction = Cdb.u16(cdb, 4);
        CommandTable table = unit.commands();
        return switch (options) {
            case 0 -> SpcLogicalUnit.data(all(table, rctd));
            case 1 -> {
                if (table.hasServiceActions(opcode)) {
                    throw ScsiException.invalidCdbField(2, 2);
                }
                yield SpcLogicalUnit.data(one(table.find(opcode), rctd));
            }
            case 2 -> {
                if (table.find(opcode) != null) {
                    throw ScsiException.invalidCdbField(2, 2);
                }
                yield SpcLogicalUnit.data(one(table.find(opcode, serviceAction), rctd));
            }
            case 3 -> SpcLogicalUnit.data(one(table.hasServiceActions(opcode)
                    ? table.find(opcode, serviceAction) : serviceAction == 0 ? table.find(opcode) : null, rctd));
            default -> throw ScsiException.invalidCdbField(2, 2);
        };
    }

    private static byte[] all(CommandTable table, boolean rctd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (CommandDescriptor d : table.all()) {
            byte[] e = new byte[8];
            e[0] = (byte) d.opcode();
            Cdb.put16(e, 2, Math.max(d.serviceAction(), 0));
            e[5] = (byte) ((rctd ? 0x02 : 0) | (d.serviceAction() >= 0 ? 0x01 : 0)); // CTDP, SERVACTV
            Cdb.put16(e, 6, d.cdbLength());
            out.writeBytes(e);
            if (rctd) {
                out.writeBytes(timeouts(d));
            }
        }
        byte[] body = out.toByteArray();
        byte[] b = new byte[4 + body.length];
        Cdb.put32(b, 0, body.length);
        System.arraycopy(body, 0, b, 4, body.length);
        return b;
    }

    private static byte[] one(CommandDescriptor d, boolean rctd) {
        if (d == null) {
            return new byte[] {0, 0x01, 0, 0}; // SUPPORT 001b: not supported
        }
        byte[] usage = d.usageMask().clone();
        usage[0] = (byte) d.opcode(); // SPC-5 6.35.2: usage data starts with the operation code...
        if (d.serviceAction() >= 0) {
            usage[1] = (byte) ((usage[1] & 0xe0) | d.serviceAction()); // ...and carries the service action
        }
        byte[] b = new byte[4 + usage.length + (rctd ? 12 : 0)];
        b[1] = (byte) ((rctd ? 0x80 : 0) | 0x03); // CTDP, SUPPORT 011b: supported as the standard says
        Cdb.put16(b, 2, usage.length);
        System.arraycopy(usage, 0, b, 4, usage.length);
        if (rctd) {
            System.arraycopy(timeouts(d), 0, b, 4 + usage.length, 12);
        }
        return b;
    }

    /** Command timeouts descriptor (SPC-5 Table 316): nominal and recommended, in seconds. */
    private static byte[] timeouts(CommandDescriptor d) {
        byte[] t = new byte[12];
        Cdb.put16(t, 0, 0x0A);
        Cdb.put32(t, 4, d.timeoutSeconds());
        Cdb.put32(t, 8, (long) d.timeoutSeconds() * 2);
        return t;
    }
}
