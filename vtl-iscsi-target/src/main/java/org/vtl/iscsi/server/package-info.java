/**
 * The public face of the iSCSI target (RFC 7143 portals and targets, 4.2.1, 11.x through the session
 * layer): {@link org.vtl.iscsi.server.IscsiTargetServer} started with an {@link
 * org.vtl.iscsi.server.IscsiTargetConfig} and a live {@link org.vtl.iscsi.server.TargetRegistry} of
 * {@link org.vtl.iscsi.server.TargetDefinition}s; Netty bootstrap and pipeline; {@link
 * org.vtl.iscsi.server.IscsiStats} meters.
 */
package org.vtl.iscsi.server;
