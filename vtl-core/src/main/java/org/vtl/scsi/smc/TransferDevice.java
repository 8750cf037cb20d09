package org.vtl.scsi.smc;

import org.vtl.scsi.spc.InquiryData;

/**
 * A data transfer element's device as the changer sees it: the tape drive LU it loads and unloads
 * (SMC-3 4.2.5). Implemented by {@link org.vtl.scsi.ssc.TapeDrive}.
 */
public interface TransferDevice {

    /** The drive's identity, for DVCID in READ ELEMENT STATUS (vendor, product, serial). */
    InquiryData inquiryData();

    /** The drive's LUN in the partition's target, reported in its element descriptor when it fits (0-7). */
    long lun();

    /**
     * The changer put the cartridge {@code barcode} into the drive: mount it and thread it (the drive
     * raises NOT READY TO READY CHANGE). Throws {@link org.vtl.scsi.ScsiException} with the sense the
     * changer reports if the drive cannot take it (incompatible medium).
     */
    void insert(String barcode);

    /**
     * The changer takes the cartridge out: flush, unload and release it. Throws
     * {@link org.vtl.scsi.ScsiException} MEDIUM REMOVAL PREVENTED when an initiator of the drive prevents it.
     */
    void remove();
}
