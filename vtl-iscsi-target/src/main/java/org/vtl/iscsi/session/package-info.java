/**
 * Sessions and connections in full feature phase (RFC 7143 3.4 sessions, 4.2.2 CmdSN/StatSN numbering,
 * 7.1.3 phases, 11.18/11.19 NOP, 11.14/11.15 Logout, 11.10/11.11 Text and SendTargets, 11.17 Reject):
 * {@link org.vtl.iscsi.session.Connection} is the Netty handler, {@link org.vtl.iscsi.session.CmdSnWindow} the
 * command window, {@link org.vtl.iscsi.session.SessionRegistry} all sessions with TSIH allocation and
 * reinstatement. At ErrorRecoveryLevel 0 with one connection per session.
 */
package org.vtl.iscsi.session;
