/**
 * The SMC media changer logical unit: element status (SMC-3 6.10), MOVE MEDIUM (6.6), EXCHANGE MEDIUM
 * (6.3), INITIALIZE ELEMENT STATUS (6.4, 6.5), POSITION TO ELEMENT (6.9), OPEN/CLOSE IMPORT/EXPORT ELEMENT
 * (6.7), mode pages 1Dh/1Eh/1Fh (7.3), over a library partition's state.
 */
package org.vtl.scsi.smc;
