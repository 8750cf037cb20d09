package org.vtl.scsi.ssc;

import org.vtl.cartridge.MediumError;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.SpaceOutcome;
import org.vtl.cartridge.TapePosition;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.SenseData;
import org.vtl.scsi.spc.SpcLogicalUnit;

/**
 * SPACE(6)/(16) (SSC-5 6.17, 6.18), LOCATE(10)/(16) (6.6, 6.7) and READ POSITION short, long and extended
 * forms (6.9). Spacing that stops early reports the residue (requested minus done, with the sign of the
 * request) in INFORMATION: at a filemark NO SENSE + FILEMARK, at end-of-data BLANK CHECK 00h/05h, at the
 * beginning of the partition NO SENSE + EOM 00h/04h, at the end of the partition MEDIUM ERROR + EOM.
 */
final class Positioning {

    private final TapeDrive drive;

    Positioning(TapeDrive drive) {
        this.drive = drive;
    }

    ScsiResponse space6(ScsiTask task) {
        byte[] cdb = task.cdb();
        return space(cdb[1] & 0x0f, Cdb.s24(cdb, 2));
    }

    ScsiResponse space16(ScsiTask task) {
        byte[] cdb = task.cdb();
        if (Cdb.u16(cdb, 12) != 0) {
            throw ScsiException.invalidCdbField(12, -1); // PARAMETER LENGTH: no parameter data defined
        }
        return space(cdb[1] & 0x0f, Cdb.u64(cdb, 4));
    }

    private ScsiResponse space(int code, long count) {
        MountedCartridge c = drive.cartridge();
        try {
            switch (code) {
                case 0 -> check(count == 0 ? SpaceOutcome.complete(0) : c.spaceBlocks(count), count);
                case 1 -> check(count == 0 ? SpaceOutcome.complete(0) : c.spaceFilemarks(count), count);
                case 3 -> c.spaceToEndOfData();
                default -> throw ScsiException.invalidCdbField(1, 3); // sequential filemarks not supported
            }
        } catch (MediumException e) {
            throw drive.failure(e);
        }
        return ScsiResponse.good();
    }

    private static void check(SpaceOutcome o, long count) {
        if (o.isComplete()) {
            return;
        }
        long residue = count - (count < 0 ? -o.completed() : o.completed());
        SenseData s = switch (o.stoppedBy()) {
            case FILEMARK -> SenseData.of(SenseCode.FILEMARK_DETECTED).withFilemark();
            case END_OF_DATA -> SenseData.of(SenseCode.END_OF_DATA_DETECTED);
            case BEGINNING_OF_PARTITION -> SenseData.of(SenseCode.BEGINNING_OF_PARTITION_DETECTED).withEndOfMedium();
            default -> SenseData.of(SenseCode.END_OF_PARTITION_MEDIUM_ERROR).withEndOfMedium();
        };
        throw new ScsiException(s.withInformation(residue));
    }

    ScsiResponse locate10(ScsiTask task) {
        byte[] cdb = task.cdb();
        boolean changePartition = (cdb[1] & 0x02) != 0;
        int partition = changePartition ? cdb[8] & 0xff : currentPartition();
        return locate(partition, Cdb.u32(cdb, 3), changePartition ? 8 : 3);
    }

    ScsiResponse locate16(ScsiTask task) {
        byte[] cdb = task.cdb();
        int destination = (cdb[1] >>> 3) & 0x07;
        boolean changePartition = (cdb[1] & 0x02) != 0;
        int partition = changePartition ? cdb[3] & 0xff : currentPartition();
        long identifier = Cdb.u64(cdb, 4);
        return switch (destination) {
            case 0 -> locate(partition, identifier, changePartition ? 3 : 4);
            case 1 -> locateFile(partition, identifier, changePartition ? 3 : 4);
            case 3 -> locateEndOfData(partition, changePartition ? 3 : 4);
            default -> throw ScsiException.invalidCdbField(1, 5);
        };
    }

    private int currentPartition() {
        return drive.cartridge().position().partition();
    }

    private ScsiResponse locate(int partition, long object, int pointer) {
        SpaceOutcome o = locateOrFail(partition, object, pointer);
        if (o.stoppedBy() == RecordKind.END_OF_DATA) {
            throw ScsiException.of(SenseCode.END_OF_DATA_DETECTED);
        }
        return ScsiResponse.good();
    }

    /** Logical file n begins after the n-th filemark of the partition. */
    private ScsiResponse locateFile(int partition, long file, int pointer) {
        locateOrFail(partition, 0, pointer);
        if (file > 0) {
            try {
                SpaceOutcome o = drive.cartridge().spaceFilemarks(file);
                if (!o.isComplete()) {
                    throw ScsiException.of(SenseCode.END_OF_DATA_DETECTED);
                }
            } catch (MediumException e) {
                throw drive.failure(e);
            }
        }
        return ScsiResponse.good();
    }

    private ScsiResponse locateEndOfData(int partition, int pointer) {
        locateOrFail(partition, 0, pointer);
        try {
            drive.cartridge().spaceToEndOfData();
        } catch (MediumException e) {
            throw drive.failure(e);
        }
        return ScsiResponse.good();
    }

    private SpaceOutcome locateOrFail(int partition, long object, int pointer) {
        MountedCartridge c = drive.cartridge();
        if (partition >= c.partitionCount()) {
            throw ScsiException.invalidCdbField(pointer, -1);
        }
        try {
            return c.locate(partition, object);
        } catch (MediumException e) {
            if (e.error() == MediumError.INVALID_POSITION) {
                throw ScsiException.invalidCdbField(pointer, -1);
            }
            throw drive.failure(e);
        }
    }

    ScsiResponse readPosition(ScsiTask task) {
        byte[] cdb = task.cdb();
        int action = cdb[1] & 0x1f;
        TapePosition p = drive.cartridge().position();
        return switch (action) {
            case 0x00, 0x01 -> SpcLogicalUnit.data(shortForm(p));
            case 0x06 -> SpcLogicalUnit.data(longForm(p));
            case 0x08 -> {
                byte[] b = extendedForm(p);
                int allocation = Cdb.u16(cdb, 7);
                yield SpcLogicalUnit.data(allocation < b.length ? java.util.Arrays.copyOf(b, allocation) : b);
            }
            default -> throw ScsiException.invalidCdbField(1, 4);
        };
    }

    /** SSC-5 Table 128: BOP, EOP (past early warning), the buffer is empty (LOCU=BYCU=0, counts 0). */
    private static byte[] shortForm(TapePosition p) {
        byte[] b = new byte[20];
        boolean overflow = p.logicalObject() > 0xFFFFFFFFL;
        b[0] = (byte) ((p.beginningOfPartition() ? 0x80 : 0) | (p.earlyWarning() ? 0x40 : 0)
                | (overflow ? 0x02 : 0));
        b[1] = (byte) p.partition();
        if (!overflow) {
            Cdb.put32(b, 4, p.logicalObject());
            Cdb.put32(b, 8, p.logicalObject());
        }
        return b;
    }

    /** SSC-5 Table 130: partition, logical object number and logical file identifier; MPU=LONU=0. */
    private static byte[] longForm(TapePosition p) {
        byte[] b = new byte[32];
        b[0] = (byte) ((p.beginningOfPartition() ? 0x80 : 0) | (p.earlyWarning() ? 0x40 : 0));
        Cdb.put32(b, 4, p.partition());
        Cdb.put64(b, 8, p.logicalObject());
        Cdb.put64(b, 16, p.filemarks());
        return b;
    }

    /** SSC-5 Table 131. */
    private static byte[] extendedForm(TapePosition p) {
        byte[] b = new byte[32];
        b[0] = (byte) ((p.beginningOfPartition() ? 0x80 : 0) | (p.earlyWarning() ? 0x40 : 0));
        b[1] = (byte) p.partition();
        Cdb.put16(b, 2, 0x1C);
        Cdb.put64(b, 8, p.logicalObject());
        Cdb.put64(b, 16, p.logicalObject());
        return b;
    }
}
