/**
 * Virtual cartridges: the sequential medium a tape drive sees ({@link org.vtl.cartridge.MountedCartridge}),
 * media types, positions and capacities. Implements the logical model of SSC-5 clause 4.2 (logical objects,
 * filemarks, end-of-data, early warning, partitions) and MAM of SPC-5 7.4.
 */
package org.vtl.cartridge;
