/**
 * The end-to-end acceptance test (issue 10): a Debian kernel in QEMU, attached to the library's LUNs through
 * QEMU's libiscsi driver, drives the changer and the tape drives with the real Linux {@code st}, {@code ch} and
 * {@code sg} drivers and the real tools (mtx, mt-st, tar, dd, Bacula's btape).
 *
 * <p>The harness itself is shell ({@code src/test/e2e}, described in {@code docs/e2e.md}); this package runs it
 * from {@code ./mvnw verify} ({@link org.vtl.e2e.GuestTapeLibraryIT}) and turns every scenario step it reports
 * into one JUnit test ({@link org.vtl.e2e.StepResult}). It exercises SPC-4, SSC-4 and SMC-3 as Linux initiators
 * use them over RFC 7143 iSCSI, including CHAP (RFC 7143 section 12.1.3).
 */
package org.vtl.e2e;
