/**
 * Device identities as data, not code paths: drive vendor/product/revision and LTO generation (density
 * codes, capacities, read/write compatibility), changer identity and element-address conventions (IBM 3584,
 * STK L700 / ACSLS), stable serial numbers. SPC-5 6.7.2 (INQUIRY data), SSC-5 Annex (density codes).
 */
package org.vtl.scsi.identity;
