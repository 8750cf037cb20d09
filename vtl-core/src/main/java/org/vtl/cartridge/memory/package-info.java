/**
 * The in-memory reference model of virtual cartridges: {@link org.vtl.cartridge.memory.MemoryCartridgeStore}.
 * It states tape semantics executably (SSC-5 4.2: logical objects, filemarks, end-of-data, early warning,
 * partitions; SPC-5 7.4 MAM) and is the oracle the persistent cartridge log is property-tested against.
 */
package org.vtl.cartridge.memory;
