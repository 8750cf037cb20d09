package org.vtl.scsi.spc;

/**
 * What standard INQUIRY data and the identification VPD pages report (SPC-5 6.7.2, 7.8.6, 7.8.15).
 *
 * @param peripheralDeviceType 01h sequential-access, 08h medium changer
 * @param removable            RMB bit
 * @param vendor               T10 vendor identification, at most 8 characters
 * @param product              product identification, at most 16 characters
 * @param revision             product revision level, at most 4 characters
 * @param serial               unit serial number (VPD 80h), stable per appliance
 * @param protect              PROTECT bit (logical block protection supported)
 * @param versionDescriptors   version descriptors (SPC-5 Table 150), at most 8
 */
public record InquiryData(int peripheralDeviceType, boolean removable, String vendor, String product,
                          String revision, String serial, boolean protect, int[] versionDescriptors) {

    /** SAM-5, SPC-4, SSC-4, SMC-3 and iSCSI version descriptor codes (SPC-5 Table 150). */
    public static final int SAM_5 = 0x00A0;
    public static final int SPC_4 = 0x0460;
    public static final int SSC_4 = 0x0360;
    public static final int SMC_3 = 0x0480;
    public static final int ISCSI = 0x0960;
}
