package org.vtl.scsi.identity;

import org.vtl.library.ElementLayout;

/**
 * What a media changer answers to INQUIRY and where its element addresses start, as data.
 *
 * @param vendor          T10 vendor identification
 * @param product         product identification
 * @param revision        firmware revision
 * @param transportFirst  address of the first medium transport element (picker)
 * @param dataTransferFirst address of the first drive
 * @param importExportFirst address of the first import/export (mail) slot
 * @param storageFirst    address of the first storage slot
 */
public record ChangerIdentity(String vendor, String product, String revision, int transportFirst,
                              int dataTransferFirst, int importExportFirst, int storageFirst) {

    /** IBM TS3500 (3584) logical library: picker 0001h, drives 0101h, mail 0300h, storage 0400h. */
    public static ChangerIdentity ibm3584() {
        return new ChangerIdentity("IBM", "03584L32", "0402", 0x0001, 0x0101, 0x0300, 0x0400);
    }

    /** StorageTek L700 as ACSLS presents it: drives 500, storage 1000, CAP (mail) 10, picker 0. */
    public static ChangerIdentity stkL700() {
        return new ChangerIdentity("STK", "L700", "0104", 0, 500, 10, 1000);
    }

    /** The layout for a partition with these counts, one picker. */
    public ElementLayout layout(int drives, int storageSlots, int importExportSlots) {
        return new ElementLayout(transportFirst, 1, storageFirst, storageSlots, importExportFirst, importExportSlots,
                dataTransferFirst, drives);
    }
}
