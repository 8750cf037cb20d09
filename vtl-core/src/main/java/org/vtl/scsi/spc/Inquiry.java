package org.vtl.scsi.spc;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;

/**
 * INQUIRY (SPC-5 6.7): standard data and the vital product data pages of the device's table, with the
 * unit serial number (80h) and device identification (83h) pages every device has.
 */
final class Inquiry {

    /** Standard INQUIRY data length we return: through the version descriptors (SPC-5 Table 148). */
    static final int STANDARD_LENGTH = 74;

    private final SpcLogicalUnit unit;

    Inquiry(SpcLogicalUnit unit) {
        this.unit = unit;
        unit.vpdPages().add(new VpdPage(0x80, this::unitSerialNumber));
        unit.vpdPages().add(new VpdPage(0x83, this::deviceIdentification));
    }

    ScsiResponse inquiry(ScsiTask task) {
        byte[] cdb = task.cdb();
        boolean evpd = (cdb[1] & 0x01) != 0;
        int pageCode = cdb[2] & 0xff;
        if (!evpd) {
            if (pageCode != 0) {
                throw ScsiException.invalidCdbField(2, -1);
            }
            return SpcLogicalUnit.data(standard(unit.inquiryData()));
        }
        for (VpdPage p : unit.vpdPages()) {
            if (p.pageCode() == pageCode) {
                return SpcLogicalUnit.data(p.encode(unit.peripheralDeviceType()));
            }
        }
        throw ScsiException.invalidCdbField(2, -1);
    }

    static byte[] standard(InquiryData id) {
        byte[] b = new byte[STANDARD_LENGTH];
        b[0] = (byte) id.peripheralDeviceType(); // PERIPHERAL QUALIFIER 000b: connected
        b[1] = (byte) (id.removable() ? 0x80 : 0); // RMB
        b[2] = 0x06; // VERSION: SPC-4
        b[3] = 0x12; // HISUP, RESPONSE DATA FORMAT 2
        b[4] = (byte) (STANDARD_LENGTH - 5); // ADDITIONAL LENGTH
        b[5] = (byte) (id.protect() ? 0x01 : 0); // PROTECT
        b[7] = 0x02; // CMDQUE
        Cdb.putAscii(b, 8, 8, id.vendor());
        Cdb.putAscii(b, 16, 16, id.product());
        Cdb.putAscii(b, 32, 4, id.revision());
        Cdb.putAscii(b, 36, 20, id.serial()); // vendor specific: the serial, as IBM LTO drives do
        int at = 58;
        for (int v : id.versionDescriptors()) {
            if (at + 2 > b.length) {
                break;
            }
            Cdb.put16(b, at, v);
            at += 2;
        }
        return b;
    }

    private byte[] unitSerialNumber() {
        return unit.inquiryData().serial().getBytes(StandardCharsets.US_ASCII);
    }

    /** SPC-5 7.8.6: a T10 vendor ID designator and an NAA locally assigned designator, LU association. */
    private byte[] deviceIdentification() {
        InquiryData id = unit.inquiryData();
        String serial = id.serial();
        byte[] t10 = new byte[4 + 8 + 16 + serial.length()];
        t10[0] = 0x02; // PROTOCOL IDENTIFIER 0, CODE SET ASCII
        t10[1] = 0x01; // ASSOCIATION logical unit, DESIGNATOR TYPE T10 vendor ID
        t10[3] = (byte) (t10.length - 4);
        Cdb.putAscii(t10, 4, 8, id.vendor());
        Cdb.putAscii(t10, 12, 16, id.product());
        Cdb.putAscii(t10, 28, serial.length(), serial);
        byte[] naa = new byte[4 + 8];
        naa[0] = 0x01; // CODE SET binary
        naa[1] = 0x03; // DESIGNATOR TYPE NAA
        naa[3] = 8;
        Cdb.put64(naa, 4, naaLocallyAssigned(id));
        byte[] b = new byte[t10.length + naa.length];
        System.arraycopy(t10, 0, b, 0, t10.length);
        System.arraycopy(naa, 0, b, t10.length, naa.length);
        return b;
    }

    /** NAA 3h (locally assigned, SPC-5 7.8.6.6.4): stable, derived from vendor, product and serial. */
    static long naaLocallyAssigned(InquiryData id) {
        CRC32C a = new CRC32C();
        a.update((id.vendor() + "|" + id.product()).getBytes(StandardCharsets.US_ASCII));
        CRC32C b = new CRC32C();
        b.update(id.serial().getBytes(StandardCharsets.US_ASCII));
        long value = (a.getValue() << 32) | b.getValue();
        return 0x3000_0000_0000_0000L | (value & 0x0FFF_FFFF_FFFF_FFFFL);
    }
}
