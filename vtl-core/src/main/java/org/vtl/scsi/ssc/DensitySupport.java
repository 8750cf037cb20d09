package org.vtl.scsi.ssc;

import java.util.List;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.identity.LtoGeneration;
import org.vtl.scsi.spc.SpcLogicalUnit;

/**
 * REPORT DENSITY SUPPORT (SSC-5 6.12): density support descriptors (Table 113) for every generation the
 * drive reads (MEDIA=0) or for the loaded medium (MEDIA=1). WRTOK marks generations the drive writes,
 * DEFLT its own. Medium type descriptors (MEDIUM TYPE=1) are not supported.
 */
final class DensitySupport {

    private static final int DESCRIPTOR_LENGTH = 52;

    private final TapeDrive drive;

    DensitySupport(TapeDrive drive) {
        this.drive = drive;
    }

    ScsiResponse report(ScsiTask task) {
        byte[] cdb = task.cdb();
        if ((cdb[1] & 0x02) != 0) {
            throw ScsiException.invalidCdbField(1, 1);
        }
        boolean media = (cdb[1] & 0x01) != 0;
        LtoGeneration own = drive.identity().generation();
        List<LtoGeneration> generations;
        if (media) {
            if (!drive.ready()) {
                throw ScsiException.of(SenseCode.MEDIUM_NOT_PRESENT);
            }
            generations = List.of(LtoGeneration.of(drive.cartridge().info().mediaType()));
        } else {
            generations = own.readable();
        }
        byte[] b = new byte[4 + DESCRIPTOR_LENGTH * generations.size()];
        Cdb.put16(b, 0, b.length - 2);
        int at = 4;
        for (LtoGeneration g : generations) {
            descriptor(b, at, g, own.canWrite(g.mediaType()), g == own);
            at += DESCRIPTOR_LENGTH;
        }
        return SpcLogicalUnit.data(b);
    }

    private static void descriptor(byte[] b, int at, LtoGeneration g, boolean writable, boolean isDefault) {
        b[at] = (byte) g.densityCode(); // PRIMARY DENSITY CODE
        b[at + 1] = (byte) g.densityCode(); // SECONDARY DENSITY CODE
        b[at + 2] = (byte) ((writable ? 0x80 : 0) | (isDefault ? 0x20 : 0) | 0x01); // WRTOK, DEFLT, DLV
        Cdb.put16(b, at + 3, DESCRIPTOR_LENGTH - 3); // DESCRIPTOR LENGTH (DLV=1)
        Cdb.put24(b, at + 5, g.bitsPerMm());
        Cdb.put16(b, at + 8, 127); // MEDIA WIDTH: 12.7 mm in tenths
        Cdb.put16(b, at + 10, g.tracks());
        Cdb.put32(b, at + 12, g.capacityMegabytes());
        Cdb.putAscii(b, at + 16, 8, "LTO-CVE");
        Cdb.putAscii(b, at + 24, 8, g.densityName());
        Cdb.putAscii(b, at + 32, 20, g.description());
    }
}
