package org.vtl.scsi.ssc;

import static org.vtl.scsi.CommandDescriptor.TransferLength.field;
import static org.vtl.scsi.CommandDescriptor.command;

import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.TapePosition;
import org.vtl.cartridge.WriteOutcome;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.CommandTable;
import org.vtl.scsi.ReservationClass;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.SenseData;
import org.vtl.scsi.spc.SpcLogicalUnit;

/**
 * The tape drive's commands (SSC-5 clause 6) on top of SPC's table, and the small handlers: REWIND,
 * LOAD UNLOAD, ERASE, WRITE FILEMARKS, READ BLOCK LIMITS, FORMAT MEDIUM, SET CAPACITY. READ/WRITE,
 * positioning, REPORT DENSITY SUPPORT and READ/WRITE ATTRIBUTE have their own classes.
 */
final class SscCommands {

    private static final int LONG = 3600;

    private final TapeDrive drive;

    private SscCommands(TapeDrive drive) {
        this.drive = drive;
    }

    static CommandTable.Builder addTo(CommandTable.Builder b, TapeDrive drive) {
        SscCommands c = new SscCommands(drive);
        ReadWrite rw = new ReadWrite(drive);
        Positioning pos = new Positioning(drive);
        DensitySupport density = new DensitySupport(drive);
        Attributes mam = new Attributes(drive);
        ReservationClass read = ReservationClass.READ;
        b.put(command(0x01, "REWIND", 6).mask(0x01).needsMedium().reservation(read).timeout(600).handler(c::rewind));
        b.put(command(0x04, "FORMAT MEDIUM", 6).mask(0x03, 0x0f, 0xff, 0xff).needsMedium().timeout(LONG)
                .handler(c::formatMedium));
        b.put(command(0x05, "READ BLOCK LIMITS", 6).mask(0x01).dataIn(null).reservation(read)
                .handler(c::readBlockLimits));
        b.put(command(0x08, "READ(6)", 6).mask(0x03, 0xff, 0xff, 0xff).dataIn(null).needsMedium().reservation(read)
                .timeout(LONG).handler(rw::read));
        b.put(command(0x0A, "WRITE(6)", 6).mask(0x01, 0xff, 0xff, 0xff).dataOut(null).needsMedium().timeout(LONG)
                .handler(rw::write));
        b.put(command(0x0B, "SET CAPACITY", 6).mask(0x01, 0, 0xff, 0xff).needsMedium().timeout(LONG)
                .handler(c::setCapacity));
        b.put(command(0x10, "WRITE FILEMARKS(6)", 6).mask(0x01, 0xff, 0xff, 0xff).needsMedium().timeout(LONG)
                .handler(c::writeFilemarks));
        b.put(command(0x11, "SPACE(6)", 6).mask(0x0f, 0xff, 0xff, 0xff).needsMedium().reservation(read)
                .timeout(LONG).handler(pos::space6));
        b.put(command(0x19, "ERASE(6)", 6).mask(0x03).needsMedium().timeout(LONG).handler(c::erase));
        b.put(command(0x1B, "LOAD UNLOAD", 6).mask(0x01, 0, 0, 0x0f).reservation(read).timeout(600)
                .handler(c::loadUnload));
        b.put(command(0x2B, "LOCATE(10)", 10).mask(0x07, 0, 0xff, 0xff, 0xff, 0xff, 0, 0xff).needsMedium()
                .reservation(read).timeout(LONG).handler(pos::locate10));
        b.put(command(0x34, "READ POSITION", 10).mask(0x1f, 0, 0, 0, 0, 0, 0xff, 0xff).dataIn(null).needsMedium()
                .reservation(ReservationClass.ALWAYS).handler(pos::readPosition));
        b.put(command(0x44, "REPORT DENSITY SUPPORT", 10).mask(0x03, 0, 0, 0, 0, 0, 0xff, 0xff).dataIn(field(7, 2))
                .reservation(read).handler(density::report));
        b.put(command(0xA2, "SECURITY PROTOCOL IN", 12).mask(0xff, 0xff, 0xff, 0x80, 0, 0xff, 0xff, 0xff, 0xff)
                .dataIn(field(6, 4)).reservation(ReservationClass.ALWAYS)
                .handler(new SecurityProtocols()::securityProtocolIn));
        b.put(command(0x8C, "READ ATTRIBUTE", 16).mask(0x1f, 0, 0, 0, 0xff, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff, 0x01).dataIn(field(10, 4)).needsMedium().reservation(read).handler(mam::read));
        b.put(command(0x8D, "WRITE ATTRIBUTE", 16).mask(0x01, 0, 0, 0, 0xff, 0, 0xff, 0, 0, 0xff, 0xff, 0xff, 0xff)
                .dataOut(field(10, 4)).needsMedium().handler(mam::write));
        b.put(command(0x91, "SPACE(16)", 16).mask(0x0f, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff).needsMedium().reservation(read).timeout(LONG).handler(pos::space16));
        b.put(command(0x92, "LOCATE(16)", 16).mask(0x3b, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
                .needsMedium().reservation(read).timeout(LONG).handler(pos::locate16));
        return b;
    }

    /** SSC-5 6.13: buffered data reaches the medium first; with IMMED=0 that is the flush barrier too. */
    private ScsiResponse rewind(ScsiTask task) {
        boolean immediate = (task.cdb()[1] & 0x01) != 0;
        try {
            if (!immediate) {
                drive.cartridge().flush();
            }
            drive.cartridge().rewind();
        } catch (MediumException e) {
            throw drive.failure(e);
        }
        return ScsiResponse.good();
    }

    /** SSC-5 6.5: LOAD threads (and rewinds) a cartridge in the drive; LOAD=0 rewinds and ejects it. */
    private ScsiResponse loadUnload(ScsiTask task) {
        byte[] cdb = task.cdb();
        boolean load = (cdb[4] & 0x01) != 0;
        boolean endOfTape = (cdb[4] & 0x04) != 0;
        boolean hold = (cdb[4] & 0x08) != 0;
        if (!drive.present()) {
            throw ScsiException.of(SenseCode.MEDIUM_NOT_PRESENT);
        }
        if (load && endOfTape) {
            throw ScsiException.invalidCdbField(4, 2);
        }
        MountedCartridge c = drive.cartridge();
        try {
            if (load) {
                if (!drive.ready()) {
                    drive.setLoaded(true);
                    drive.unitAttentions().raise(SenseCode.NOT_READY_TO_READY_CHANGE, task.nexus());
                }
                c.rewind();
                return ScsiResponse.good();
            }
            if (!drive.ready()) {
                throw ScsiException.of(SenseCode.MEDIUM_NOT_PRESENT);
            }
            if (drive.mediumRemovalPrevented() && !hold) {
                throw ScsiException.of(SenseCode.MEDIUM_REMOVAL_PREVENTED);
            }
            c.flush();
            c.rewind();
            if (!hold) {
                drive.setLoaded(false);
            }
        } catch (MediumException e) {
            throw drive.failure(e);
        }
        return ScsiResponse.good();
    }

    private ScsiResponse erase(ScsiTask task) {
        requireWritable();
        try {
            drive.cartridge().erase();
        } catch (MediumException e) {
            throw drive.failure(e);
        }
        return ScsiResponse.good();
    }

    /** SSC-5 6.25: IMMED=0 is the durability barrier (flush); early warning is reported as on WRITE. */
    private ScsiResponse writeFilemarks(ScsiTask task) {
        byte[] cdb = task.cdb();
        boolean immediate = (cdb[1] & 0x01) != 0;
        int count = Cdb.u24(cdb, 2);
        MountedCartridge c = drive.cartridge();
        if (count > 0) {
            requireWritable();
        }
        WriteOutcome outcome = WriteOutcome.WRITTEN;
        try {
            if (count > 0) {
                outcome = c.writeFilemarks(count);
            }
            if (!immediate) {
                c.flush();
            }
        } catch (MediumException e) {
            throw new ScsiException(drive.sense(e).withInformation(count));
        }
        if (outcome == WriteOutcome.WRITTEN_EARLY_WARNING) {
            throw new ScsiException(SenseData.of(SenseCode.END_OF_PARTITION_DETECTED).withEndOfMedium()
                    .withInformation(0));
        }
        return ScsiResponse.good();
    }

    /** SSC-5 6.11: granularity 0, maximum and minimum block length; MLOI=1 reports the maximum identifier. */
    private ScsiResponse readBlockLimits(ScsiTask task) {
        if ((task.cdb()[1] & 0x01) != 0) {
            byte[] b = new byte[20];
            Cdb.put64(b, 12, 0xFFFF_FFFF_FFFFL); // MAXIMUM LOGICAL OBJECT IDENTIFIER
            return SpcLogicalUnit.data(b);
        }
        byte[] b = new byte[6];
        Cdb.put24(b, 1, drive.identity().maxBlockLength());
        Cdb.put16(b, 4, 1);
        return SpcLogicalUnit.data(b);
    }

    /** SSC-5 6.4: FORMAT 0h one partition, 1h/2h the partitions of the last MODE SELECT page 11h. */
    private ScsiResponse formatMedium(ScsiTask task) {
        byte[] cdb = task.cdb();
        int format = cdb[2] & 0x0f;
        if (Cdb.u16(cdb, 3) != 0) {
            throw ScsiException.invalidCdbField(3, -1);
        }
        if (format > 2) {
            throw ScsiException.invalidCdbField(2, 3);
        }
        long[] sizes = format == 0 ? new long[] {0} : drive.sscPages().requestedPartitions();
        if (sizes == null) {
            sizes = new long[] {0};
        }
        return format(resolve(sizes));
    }

    /** SSC-5 6.15: the medium shrinks to CAPACITY PROPORTION VALUE / 65535 of its native capacity. */
    private ScsiResponse setCapacity(ScsiTask task) {
        int proportion = Cdb.u16(task.cdb(), 3);
        if (proportion == 0) {
            throw ScsiException.invalidCdbField(3, -1);
        }
        long capacity = drive.cartridge().info().nativeCapacity() * proportion / 0xFFFF;
        return format(new long[] {capacity});
    }

    private long[] resolve(long[] requested) {
        long total = drive.cartridge().info().nativeCapacity();
        long[] sizes = requested.clone();
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == SscModePages.EQUAL_SHARE) {
                sizes[i] = i == sizes.length - 1 ? 0 : total / sizes.length;
            }
        }
        return sizes;
    }

    private ScsiResponse format(long[] sizes) {
        MountedCartridge c = drive.cartridge();
        TapePosition p = c.position();
        if (p.partition() != 0 || p.logicalObject() != 0) {
            throw ScsiException.of(SenseCode.POSITION_PAST_BEGINNING_OF_MEDIUM);
        }
        requireWritable();
        if (sizes.length > c.info().mediaType().maxPartitions()) {
            throw ScsiException.of(SenseCode.PARAMETER_VALUE_INVALID);
        }
        try {
            c.format(sizes);
        } catch (MediumException e) {
            throw drive.failure(e);
        }
        return ScsiResponse.good();
    }

    private void requireWritable() {
        if (!drive.writable()) {
            throw drive.notWritable();
        }
    }
}
