package org.vtl.scsi.spc;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;

/**
 * The buffer READ BUFFER reports (SPC-5 6.17): one buffer, ID 0, of {@link #CAPACITY} bytes, read in
 * modes 00h (header and data), 02h (data) and 03h (descriptor). LTFS reads it on its error path to
 * collect a dump; an answer of the right shape is what keeps that path from looping.
 */
final class DiagnosticBuffer {

    static final int CAPACITY = 1024;

    private final byte[] contents = new byte[CAPACITY];

    ScsiResponse read(ScsiTask task) {
        byte[] cdb = task.cdb();
        int mode = cdb[1] & 0x1f;
        int id = cdb[2] & 0xff;
        int offset = Cdb.u24(cdb, 3);
        if (id != 0) {
            throw ScsiException.invalidCdbField(2, -1);
        }
        return switch (mode) {
            case 0x00 -> {
                byte[] b = new byte[4 + CAPACITY];
                Cdb.put24(b, 1, CAPACITY);
                System.arraycopy(contents, 0, b, 4, CAPACITY);
                yield SpcLogicalUnit.data(b);
            }
            case 0x02 -> {
                if (offset > CAPACITY) {
                    throw ScsiException.invalidCdbField(3, -1);
                }
                byte[] b = new byte[CAPACITY - offset];
                System.arraycopy(contents, offset, b, 0, b.length);
                yield SpcLogicalUnit.data(b);
            }
            case 0x03 -> {
                byte[] b = new byte[4];
                Cdb.put24(b, 1, CAPACITY); // OFFSET BOUNDARY 0: byte boundaries
                yield SpcLogicalUnit.data(b);
            }
            default -> throw ScsiException.invalidCdbField(1, 4);
        };
    }
}
