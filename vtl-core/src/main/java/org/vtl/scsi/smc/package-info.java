/**
 * The SMC media changer logical unit: element status (SMC-3 6.10), MOVE MEDIUM (6.6), EXCHANGE MEDIUM
 * (6.3), INITIALIZE ELEMENT STATUS (6.4, 6.5), POSITION TO ELEMENT (6.9), OPEN/CLOSE IMPORT/EXPORT ELEMENT
 * (6.7), mode pages 1Dh/1Eh/1Fh (7.3), over a library partition's state.
 *
 * <p>Operator changes to a running library (the admin layer's {@code MediaChanger.changeInventory} and
 * {@code MediaChanger.resize}) take effect on the existing logical unit, so logged-in initiators keep their
 * sessions, and are announced as unit attentions on every other I_T nexus (SAM-5 5.14, SPC-5 5.14), with the codes
 * physical libraries (IBM TS3500/3584, HPE MSL) report after the same operator actions: UNIT ATTENTION 28h/01h
 * IMPORT OR EXPORT ELEMENT ACCESSED when a mail slot (import/export element, SMC-3 4.2.4) was loaded or emptied by
 * the operator; 28h/00h NOT READY TO READY CHANGE, MEDIUM MAY HAVE CHANGED when storage elements changed behind the
 * transport (the library's door was opened: cartridges added to or taken from slots), after which applications
 * re-read element status; 2Ah/01h MODE PARAMETERS CHANGED when the element address assignment page 1Dh changed
 * (slots added or removed), followed by 28h/00h for the inventory.
 */
package org.vtl.scsi.smc;
