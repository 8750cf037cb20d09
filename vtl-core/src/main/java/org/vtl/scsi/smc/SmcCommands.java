package org.vtl.scsi.smc;

import static org.vtl.scsi.CommandDescriptor.TransferLength.field;
import static org.vtl.scsi.CommandDescriptor.command;

import org.vtl.library.ElementType;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.CommandTable;
import org.vtl.scsi.ReservationClass;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.spc.SpcLogicalUnit;

/**
 * The media changer's commands (SMC-3 clause 6) on top of SPC's table: INITIALIZE ELEMENT STATUS (07h,
 * and WITH RANGE 37h), OPEN/CLOSE IMPORT/EXPORT ELEMENT (1Bh), POSITION TO ELEMENT (2Bh), MOVE MEDIUM
 * (A5h), EXCHANGE MEDIUM (A6h), READ ELEMENT STATUS (B8h).
 */
final class SmcCommands {

    private final MediaChanger changer;

    private SmcCommands(MediaChanger changer) {
        this.changer = changer;
    }

    static CommandTable.Builder addTo(CommandTable.Builder b, MediaChanger changer) {
        SmcCommands c = new SmcCommands(changer);
        b.put(command(0x07, "INITIALIZE ELEMENT STATUS", 6).timeout(600).handler(c::initializeElementStatus));
        b.put(command(0x1B, "OPEN/CLOSE IMPORT/EXPORT ELEMENT", 6).mask(0, 0xff, 0xff, 0x1f)
                .handler(c::openCloseImportExport));
        b.put(command(0x2B, "POSITION TO ELEMENT", 10).mask(0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0x01)
                .handler(c::positionToElement));
        b.put(command(0x37, "INITIALIZE ELEMENT STATUS WITH RANGE", 10).mask(0x03, 0xff, 0xff, 0, 0, 0xff, 0xff)
                .timeout(600).handler(c::initializeElementStatusWithRange));
        b.put(command(0xA5, "MOVE MEDIUM", 12).mask(0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0x01)
                .timeout(600).handler(c::moveMedium));
        b.put(command(0xA6, "EXCHANGE MEDIUM", 12).mask(0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x03)
                .timeout(600).handler(c::exchangeMedium));
        b.put(command(0xB8, "READ ELEMENT STATUS", 12).mask(0x1f, 0xff, 0xff, 0xff, 0xff, 0x03, 0xff, 0xff, 0xff)
                .dataIn(field(7, 3)).reservation(ReservationClass.READ).handler(c::readElementStatus));
        return b;
    }

    /** SMC-3 6.4: the inventory is always known; nothing to rescan. */
    private ScsiResponse initializeElementStatus(ScsiTask task) {
        return ScsiResponse.good();
    }

    /** SMC-3 6.5: with RANGE=1 the starting element must exist. */
    private ScsiResponse initializeElementStatusWithRange(ScsiTask task) {
        byte[] cdb = task.cdb();
        if ((cdb[1] & 0x01) != 0 && Cdb.u16(cdb, 6) > 0) {
            changer.checkAddress(Cdb.u16(cdb, 2), false);
        }
        return ScsiResponse.good();
    }

    /** SMC-3 6.7: ACTION CODE 00h open (unlock the door), 01h close. */
    private ScsiResponse openCloseImportExport(ScsiTask task) {
        byte[] cdb = task.cdb();
        int address = Cdb.u16(cdb, 2);
        int action = cdb[4] & 0x1f;
        if (changer.partition().layout().typeOf(address) != ElementType.IMPORT_EXPORT) {
            throw ScsiException.of(SenseCode.INVALID_ELEMENT_ADDRESS);
        }
        switch (action) {
            case 0x00 -> {
                if (changer.mediumRemovalPrevented()) {
                    throw ScsiException.of(SenseCode.MEDIUM_REMOVAL_PREVENTED);
                }
                changer.partition().setImportExportOpen(true);
            }
            case 0x01 -> changer.partition().setImportExportOpen(false);
            default -> throw ScsiException.invalidCdbField(4, 4);
        }
        return ScsiResponse.good();
    }

    /** SMC-3 6.9: the picker has no position to speak of; addresses are still checked. */
    private ScsiResponse positionToElement(ScsiTask task) {
        byte[] cdb = task.cdb();
        if ((cdb[8] & 0x01) != 0) {
            throw ScsiException.invalidCdbField(8, 0); // INVERT: media are not two-sided
        }
        changer.checkAddress(Cdb.u16(cdb, 2), true);
        changer.checkAddress(Cdb.u16(cdb, 4), false);
        return ScsiResponse.good();
    }

    /** SMC-3 6.6. */
    private ScsiResponse moveMedium(ScsiTask task) {
        byte[] cdb = task.cdb();
        if ((cdb[10] & 0x01) != 0) {
            throw ScsiException.invalidCdbField(10, 0);
        }
        changer.checkAddress(Cdb.u16(cdb, 2), true);
        changer.move(Cdb.u16(cdb, 4), Cdb.u16(cdb, 6));
        return ScsiResponse.good();
    }

    /** SMC-3 6.3. */
    private ScsiResponse exchangeMedium(ScsiTask task) {
        byte[] cdb = task.cdb();
        if ((cdb[10] & 0x03) != 0) {
            throw ScsiException.invalidCdbField(10, (cdb[10] & 0x02) != 0 ? 1 : 0);
        }
        changer.checkAddress(Cdb.u16(cdb, 2), true);
        changer.exchange(Cdb.u16(cdb, 4), Cdb.u16(cdb, 6), Cdb.u16(cdb, 8));
        return ScsiResponse.good();
    }

    /** SMC-3 6.10. */
    private ScsiResponse readElementStatus(ScsiTask task) {
        byte[] cdb = task.cdb();
        boolean voltag = (cdb[1] & 0x10) != 0;
        int typeCode = cdb[1] & 0x0f;
        if (typeCode > 4) {
            throw ScsiException.invalidCdbField(1, 3);
        }
        ElementType type = ElementType.of(typeCode);
        int start = Cdb.u16(cdb, 2);
        int count = Cdb.u16(cdb, 4);
        boolean dvcid = (cdb[6] & 0x01) != 0;
        return SpcLogicalUnit.data(ElementStatus.report(changer.partition(), type, start, count, voltag, dvcid,
                changer.drives()));
    }
}
