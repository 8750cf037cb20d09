package org.vtl.admin;

/** Throughput and compression per partition and drive, from the drives' and the engine's meters. */
public interface StatsService {

    StatsView stats();
}
