package org.vtl.iscsi.session;

import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.login.TargetParameters;

import java.time.Duration;

/**
 * What a connection needs from the server configuration.
 *
 * @param host                the portal host as configured (a wildcard means: answer with the local address)
 * @param port                the portal port
 * @param commandWindow       commands one session may queue
 * @param maxConnectionMemory the per-connection memory bound for received data
 */
public record PortalSettings(String host, int port, TargetParameters parameters, int commandWindow,
                             long maxConnectionMemory, Duration nopInterval, Duration nopTimeout,
                             Duration loginTimeout, TargetAuth discoveryAuth) {
}
