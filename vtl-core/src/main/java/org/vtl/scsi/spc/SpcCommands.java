package org.vtl.scsi.spc;

import static org.vtl.scsi.CommandDescriptor.TransferLength.field;
import static org.vtl.scsi.CommandDescriptor.command;

import java.util.List;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.CommandTable;
import org.vtl.scsi.ReservationClass;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.SenseData;
import org.vtl.scsi.SenseEncoder;

/**
 * The commands every device type shares (SPC-5 clause 6), as a table a device type adds to. Small
 * handlers live here; INQUIRY, MODE, LOG, persistent reservations and REPORT SUPPORTED OPERATION CODES
 * have their own classes.
 */
public final class SpcCommands {

    private final SpcLogicalUnit unit;
    private final Inquiry inquiry;
    private final ModeCommands mode;
    private final LogCommands log;
    private final PersistentReservations persistent;
    private final SupportedOperationCodes supported;
    private final DiagnosticBuffer buffer = new DiagnosticBuffer();
    private long timestampOffset;
    private boolean timestampSet;

    private SpcCommands(SpcLogicalUnit unit) {
        this.unit = unit;
        this.inquiry = new Inquiry(unit);
        this.mode = new ModeCommands(unit);
        this.log = new LogCommands(unit);
        this.persistent = new PersistentReservations(unit.reservations(), unit.unitAttentions());
        this.supported = new SupportedOperationCodes(unit);
    }

    /** The SPC table for {@code unit}; the device type puts its own entries on top and builds it. */
    public static CommandTable.Builder table(SpcLogicalUnit unit) {
        SpcCommands c = new SpcCommands(unit);
        CommandTable.Builder b = CommandTable.builder();
        b.put(command(0x00, "TEST UNIT READY", 6).reservation(ReservationClass.READ).handler(c::testUnitReady));
        b.put(command(0x03, "REQUEST SENSE", 6).mask(0x01, 0, 0, 0xff).dataIn(field(4, 1))
                .reservation(ReservationClass.ALWAYS).handler(c::requestSense));
        b.put(command(0x12, "INQUIRY", 6).mask(0x01, 0xff, 0xff, 0xff).dataIn(field(3, 2))
                .reservation(ReservationClass.ALWAYS).handler(c.inquiry::inquiry));
        b.put(command(0x15, "MODE SELECT(6)", 6).mask(0x11, 0, 0, 0xff).dataOut(field(4, 1))
                .handler(c.mode::modeSelect6));
        b.put(command(0x16, "RESERVE(6)", 6).reservation(ReservationClass.ALWAYS).handler(c::reserve));
        b.put(command(0x17, "RELEASE(6)", 6).reservation(ReservationClass.ALWAYS).handler(c::release));
        b.put(command(0x1A, "MODE SENSE(6)", 6).mask(0x08, 0xff, 0xff, 0xff).dataIn(field(4, 1))
                .reservation(ReservationClass.READ).handler(c.mode::modeSense6));
        b.put(command(0x1E, "PREVENT ALLOW MEDIUM REMOVAL", 6).mask(0, 0, 0, 0x03)
                .reservation(ReservationClass.READ).handler(c::preventAllow));
        b.put(command(0x3C, "READ BUFFER(10)", 10).mask(0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
                .dataIn(field(6, 3)).reservation(ReservationClass.READ).handler(c.buffer::read));
        b.put(command(0x4C, "LOG SELECT", 10).mask(0x03, 0xff, 0xff, 0, 0, 0, 0xff, 0xff)
                .dataOut(field(7, 2)).handler(c.log::logSelect));
        b.put(command(0x4D, "LOG SENSE", 10).mask(0x03, 0xff, 0xff, 0, 0xff, 0xff, 0xff, 0xff)
                .dataIn(field(7, 2)).reservation(ReservationClass.ALWAYS).handler(c.log::logSense));
        b.put(command(0x55, "MODE SELECT(10)", 10).mask(0x11, 0, 0, 0, 0, 0xff, 0xff).dataOut(field(7, 2))
                .handler(c.mode::modeSelect10));
        b.put(command(0x56, "RESERVE(10)", 10).reservation(ReservationClass.ALWAYS).handler(c::reserve));
        b.put(command(0x57, "RELEASE(10)", 10).reservation(ReservationClass.ALWAYS).handler(c::release));
        b.put(command(0x5A, "MODE SENSE(10)", 10).mask(0x18, 0xff, 0xff, 0, 0, 0, 0xff, 0xff)
                .dataIn(field(7, 2)).reservation(ReservationClass.READ).handler(c.mode::modeSense10));
        addPersistentReservations(b, c);
        b.put(command(0xA0, "REPORT LUNS", 12).mask(0, 0xff, 0, 0, 0, 0xff, 0xff, 0xff, 0xff).dataIn(field(6, 4))
                .reservation(ReservationClass.ALWAYS).handler(c::reportLuns));
        b.put(command(0xA3, "REPORT SUPPORTED OPERATION CODES", 12).serviceAction(0x0C)
                .mask(0, 0x87, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff).dataIn(field(6, 4))
                .reservation(ReservationClass.ALWAYS).handler(c.supported::report));
        b.put(command(0xA3, "REPORT TIMESTAMP", 12).serviceAction(0x0F).mask(0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff)
                .dataIn(field(6, 4)).reservation(ReservationClass.ALWAYS).handler(c::reportTimestamp));
        b.put(command(0xA4, "SET TIMESTAMP", 12).serviceAction(0x0F).mask(0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff)
                .dataOut(field(6, 4)).handler(c::setTimestamp));
        return b;
    }

    private static void addPersistentReservations(CommandTable.Builder b, SpcCommands c) {
        int[] inMask = {0, 0, 0, 0, 0, 0, 0xff, 0xff};
        b.put(command(0x5E, "PERSISTENT RESERVE IN", 10).serviceAction(0x00).mask(inMask).dataIn(field(7, 2))
                .reservation(ReservationClass.ALWAYS).handler(c.persistent::readKeys));
        b.put(command(0x5E, "PERSISTENT RESERVE IN", 10).serviceAction(0x01).mask(inMask).dataIn(field(7, 2))
                .reservation(ReservationClass.ALWAYS).handler(c.persistent::readReservation));
        b.put(command(0x5E, "PERSISTENT RESERVE IN", 10).serviceAction(0x02).mask(inMask).dataIn(field(7, 2))
                .reservation(ReservationClass.ALWAYS).handler(c.persistent::reportCapabilities));
        b.put(command(0x5E, "PERSISTENT RESERVE IN", 10).serviceAction(0x03).mask(inMask).dataIn(field(7, 2))
                .reservation(ReservationClass.ALWAYS).handler(c.persistent::readFullStatus));
        for (int sa : new int[] {0, 1, 2, 3, 4, 5, 6}) {
            b.put(command(0x5F, "PERSISTENT RESERVE OUT", 10).serviceAction(sa)
                    .mask(0, 0xff, 0, 0, 0xff, 0xff, 0xff, 0xff).dataOut(field(5, 4))
                    .reservation(ReservationClass.ALWAYS).handler(c.persistent::out));
        }
    }

    private ScsiResponse testUnitReady(ScsiTask task) {
        unit.checkReady();
        return ScsiResponse.good();
    }

    /** SPC-5 6.39: a pending unit attention is reported (and cleared), else the device's own state. */
    private ScsiResponse requestSense(ScsiTask task) {
        boolean descriptor = (task.cdb()[1] & 0x01) != 0;
        SenseCode attention = unit.unitAttentions().poll(task.nexus());
        SenseData sense = attention != null ? SenseData.of(attention) : unit.deviceSense();
        if (sense == null) {
            sense = SenseData.of(SenseCode.NO_SENSE);
        }
        return SpcLogicalUnit.data(SenseEncoder.encode(sense, descriptor));
    }

    private ScsiResponse reserve(ScsiTask task) {
        return unit.reservations().reserve(task.nexus())
                ? ScsiResponse.good() : ScsiResponse.status(ScsiStatus.RESERVATION_CONFLICT);
    }

    private ScsiResponse release(ScsiTask task) {
        unit.reservations().release(task.nexus());
        return ScsiResponse.good();
    }

    /** SPC-5 6.13: PREVENT 00b allow, 01b prevent; 1xb (obsolete / changer import-export) not supported. */
    private ScsiResponse preventAllow(ScsiTask task) {
        int prevent = task.cdb()[4] & 0x03;
        if (prevent > 1) {
            throw ScsiException.invalidCdbField(4, 1);
        }
        if (prevent == 1 && unit.reservations().conflicts(task.nexus(), ReservationClass.WRITE)) {
            return ScsiResponse.status(ScsiStatus.RESERVATION_CONFLICT);
        }
        unit.setPrevent(task.nexus(), prevent == 1);
        return ScsiResponse.good();
    }

    /** SPC-5 6.33: SELECT REPORT 00h, 02h (all LUNs) and 01h (well-known: none). */
    private ScsiResponse reportLuns(ScsiTask task) {
        byte[] cdb = task.cdb();
        int select = cdb[2] & 0xff;
        if (select > 2) {
            throw ScsiException.invalidCdbField(2, -1);
        }
        if (Cdb.u32(cdb, 6) < 16) {
            throw ScsiException.invalidCdbField(6, -1);
        }
        List<Long> luns = select == 1 ? List.of() : unit.lunInventory().luns();
        byte[] b = new byte[8 + 8 * luns.size()];
        Cdb.put32(b, 0, 8L * luns.size());
        int at = 8;
        for (long lun : luns) {
            if (lun < 256) {
                b[at + 1] = (byte) lun; // peripheral device addressing, bus 0
            } else {
                Cdb.put16(b, at, 0x4000 | (int) (lun & 0x3fff)); // flat space addressing
            }
            at += 8;
        }
        return SpcLogicalUnit.data(b);
    }

    /** SPC-5 6.38: milliseconds since the epoch; origin 011b (clock) until SET TIMESTAMP, then 010b. */
    private ScsiResponse reportTimestamp(ScsiTask task) {
        byte[] b = new byte[12];
        Cdb.put16(b, 0, 10);
        b[2] = (byte) (timestampSet ? 0x02 : 0x03);
        long ms = System.currentTimeMillis() + timestampOffset;
        Cdb.put16(b, 4, (int) (ms >>> 32));
        Cdb.put32(b, 6, ms);
        return SpcLogicalUnit.data(b);
    }

    /** SPC-5 6.47: parameter data bytes 4-9 carry the timestamp. */
    private ScsiResponse setTimestamp(ScsiTask task) {
        byte[] p = task.parameterData();
        if (Cdb.u32(task.cdb(), 6) < 12 || p.length < 12) {
            throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
        }
        long ms = (long) Cdb.u16(p, 4) << 32 | Cdb.u32(p, 6);
        timestampOffset = ms - System.currentTimeMillis();
        timestampSet = true;
        return ScsiResponse.good();
    }
}
