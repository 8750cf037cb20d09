/**
 * A small iSCSI initiator for the benchmarks: just enough of RFC 7143 to drive tape drives and media changers
 * at full speed from one JVM.
 *
 * <p>Implemented: login (RFC 7143 sections 6 and 11.12/11.13) with AuthMethod None or CHAP with MD5
 * (RFC 7143 section 12.1.3, RFC 1994); operational negotiation of MaxRecvDataSegmentLength, MaxBurstLength,
 * FirstBurstLength, ImmediateData and InitialR2T (section 13); SCSI Command/Response (11.3, 11.4) with several
 * commands in flight inside the CmdSN window (4.2.2.1); immediate and unsolicited data (4.2.5.2, 13.10-13.14)
 * and solicited Data-Out on R2T (11.7, 11.8); Data-In reassembly straight into the caller's buffer, with phase
 * collapse (11.7.4); sense data (11.4.7); answering target NOP-In pings (11.19); Reject and Async Message
 * handling; Logout (11.14, 11.15).
 *
 * <p>Not implemented (the benchmarks never need them): digests (both are negotiated to None), multiple
 * connections per session, error recovery levels above 0, SNACK, task management, Text discovery.
 *
 * <p>Threads: each {@link org.vtl.bench.initiator.IscsiSession} owns one receiver thread, which also sends the
 * solicited Data-Out PDUs and NOP-Out answers; submitters send their commands themselves.
 */
package org.vtl.bench.initiator;
