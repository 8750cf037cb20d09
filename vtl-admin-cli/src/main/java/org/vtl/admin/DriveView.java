package org.vtl.admin;

import org.vtl.config.DriveVendor;
import org.vtl.config.LtoGeneration;

/**
 * One tape drive of a partition.
 *
 * @param index          drive number in the partition, from 0 (the order of data transfer elements)
 * @param elementAddress its data transfer element address in READ ELEMENT STATUS
 * @param lun            the LUN it answers on in the partition's target
 * @param serial         the unit serial number (VPD 80h), also reported as DVCID
 * @param generation     LTO generation
 * @param vendor         identity
 * @param loaded         barcode of the loaded cartridge, or {@code null}
 */
public record DriveView(int index, int elementAddress, int lun, String serial, LtoGeneration generation,
                        DriveVendor vendor, String loaded) {
}
