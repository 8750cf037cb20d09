/**
 * The appliance daemon ({@code vtl serve}): {@link org.vtl.appliance.Appliance} wires the modules together and
 * owns the startup and shutdown order (data directory and lock, catalog, pool, compression engine, library
 * partitions, iSCSI target, admin API). A part that is not available is not faked: the appliance serves
 * without it and says so in {@code /health} and in its summary log line.
 */
package org.vtl.appliance;
