/**
 * The SSC tape drive logical unit: READ/WRITE(6) fixed and variable with ILI and residue (SSC-5 6.14, 6.23),
 * WRITE FILEMARKS (6.25), SPACE(6)/(16) (6.17, 6.18), LOCATE(10)/(16) (6.6, 6.7), READ POSITION (6.9), REWIND
 * (6.13), LOAD UNLOAD (6.5), ERASE (6.3), READ BLOCK LIMITS (6.11), REPORT DENSITY SUPPORT (6.12), FORMAT MEDIUM
 * (6.4), SET CAPACITY (6.15), READ/WRITE ATTRIBUTE (SPC-5 6.18, 6.40); mode pages 0Fh, 10h, 11h, 0Ah/F0h (8.3);
 * log pages 0Ch, 17h, 2Eh, 31h, 32h (8.2); early warning and end-of-partition (4.2.5); logical block
 * protection with CRC32C (4.2.23).
 */
package org.vtl.scsi.ssc;
