package org.vtl.scsi.smc;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.vtl.library.Element;
import org.vtl.library.ElementType;
import org.vtl.library.Partition;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.spc.InquiryData;

/**
 * READ ELEMENT STATUS data (SMC-3 6.10): the element status header, one element status page per run of
 * elements of one type, and the element descriptors with primary volume tag (36-byte barcode, blank
 * padded) and, for drives, the device identifier (DVCID: T10 vendor, product and serial, as the drive's
 * VPD 83h reports it). Headers report the full length; the preamble truncates to the allocation length.
 */
final class ElementStatus {

    private static final int VOLUME_TAG_LENGTH = 36;

    private ElementStatus() {
    }

    /**
     * @param type      null for all types
     * @param start     the minimum element address to report
     * @param count     the maximum number of elements
     * @param voltag    report primary volume tags
     * @param dvcid     report drive identifiers
     * @param drives    the transfer device for each drive index
     */
    static byte[] report(Partition partition, ElementType type, int start, int count, boolean voltag, boolean dvcid,
                         List<? extends TransferDevice> drives) {
        List<Element> selected = new ArrayList<>();
        boolean anyAtOrAfter = false;
        for (Element e : partition.elements()) {
            if (e.address() >= start) {
                anyAtOrAfter |= type == null || e.type() == type;
                if ((type == null || e.type() == type) && selected.size() < count) {
                    selected.add(e);
                }
            }
        }
        if (!anyAtOrAfter && count > 0) {
            throw ScsiException.of(SenseCode.INVALID_ELEMENT_ADDRESS);
        }
        int idLength = identifierLength(drives);
        ByteArrayOutputStream pages = new ByteArrayOutputStream();
        int i = 0;
        while (i < selected.size()) {
            ElementType pageType = selected.get(i).type();
            int j = i;
            while (j < selected.size() && selected.get(j).type() == pageType) {
                j++;
            }
            pages.writeBytes(page(partition, selected.subList(i, j), pageType, voltag,
                    dvcid && pageType == ElementType.DATA_TRANSFER, idLength, drives));
            i = j;
        }
        byte[] body = pages.toByteArray();
        byte[] b = new byte[8 + body.length];
        Cdb.put16(b, 0, selected.isEmpty() ? 0 : selected.get(0).address()); // FIRST ELEMENT ADDRESS REPORTED
        Cdb.put16(b, 2, selected.size()); // NUMBER OF ELEMENTS AVAILABLE
        Cdb.put24(b, 5, body.length); // BYTE COUNT OF REPORT AVAILABLE
        System.arraycopy(body, 0, b, 8, body.length);
        return b;
    }

    private static int identifierLength(List<? extends TransferDevice> drives) {
        int max = 0;
        for (TransferDevice d : drives) {
            max = Math.max(max, 24 + d.inquiryData().serial().length());
        }
        return max;
    }

    /** SMC-3 Table 68 element status page header and Tables 70-74 descriptors. */
    private static byte[] page(Partition partition, List<Element> elements, ElementType type, boolean voltag,
                               boolean dvcid, int idLength, List<? extends TransferDevice> drives) {
        int descriptorLength = 12 + (voltag ? VOLUME_TAG_LENGTH : 0) + (dvcid ? 4 + idLength : 0);
        byte[] b = new byte[8 + descriptorLength * elements.size()];
        b[0] = (byte) type.code();
        b[1] = (byte) (voltag ? 0x80 : 0); // PVOLTAG
        Cdb.put16(b, 2, descriptorLength);
        Cdb.put24(b, 5, descriptorLength * elements.size());
        int at = 8;
        for (Element e : elements) {
            descriptor(partition, e, b, at, voltag, dvcid, idLength, drives);
            at += descriptorLength;
        }
        return b;
    }

    private static void descriptor(Partition partition, Element e, byte[] b, int at, boolean voltag, boolean dvcid,
                                   int idLength, List<? extends TransferDevice> drives) {
        Cdb.put16(b, at, e.address());
        int flags = e.full() ? 0x01 : 0; // FULL
        switch (e.type()) {
            case STORAGE, DATA_TRANSFER -> flags |= 0x08; // ACCESS
            case IMPORT_EXPORT -> {
                flags |= 0x30; // INENAB, EXENAB
                if (!partition.importExportOpen()) {
                    flags |= 0x08; // ACCESS: the picker can reach it while the door is closed
                }
                if (e.full() && e.content().sourceAddress() < 0) {
                    flags |= 0x02; // IMPEXP: placed by the operator
                }
            }
            default -> { }
        }
        b[at + 2] = (byte) flags;
        if (e.type() == ElementType.DATA_TRANSFER) {
            long lun = drives.get(partition.driveIndex(e.address())).lun();
            if (lun <= 7) {
                b[at + 6] = (byte) (0x10 | lun); // LU VALID, LOGICAL UNIT NUMBER: same target as the changer
            }
        }
        if (e.full()) {
            int source = e.content().sourceAddress();
            if (source >= 0) {
                b[at + 9] = (byte) 0x80; // SVALID
                Cdb.put16(b, at + 10, source);
            }
            b[at + 9] |= (byte) (e.barcode().startsWith("CLN") ? 0x02 : 0x01); // MEDIUM TYPE: cleaning / data
        }
        int next = at + 12;
        if (voltag) {
            if (e.full()) {
                Cdb.putAscii(b, next, 32, e.barcode()); // PRIMARY VOLUME TAG: identifier, blank padded
            }
            next += VOLUME_TAG_LENGTH;
        }
        if (dvcid) {
            InquiryData id = drives.get(partition.driveIndex(e.address())).inquiryData();
            b[next] = 0x02; // CODE SET ASCII
            b[next + 1] = 0x01; // IDENTIFIER TYPE T10 vendor ID
            b[next + 3] = (byte) idLength;
            Cdb.putAscii(b, next + 4, 8, id.vendor());
            Cdb.putAscii(b, next + 12, 16, id.product());
            Cdb.putAscii(b, next + 28, idLength - 24, id.serial());
        }
    }
}
