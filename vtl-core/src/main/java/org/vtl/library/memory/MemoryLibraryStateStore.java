package org.vtl.library.memory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vtl.library.ElementChange;
import org.vtl.library.ElementContent;
import org.vtl.library.LibraryStateStore;

/** {@link LibraryStateStore} in memory: for tests and the embedded default; survives an LU restart, not a JVM. */
public final class MemoryLibraryStateStore implements LibraryStateStore {

    private final Map<String, TreeMap<Integer, ElementContent>> partitions = new HashMap<>();
    private int commits;

    @Override
    public synchronized Map<Integer, ElementContent> load(String partition) {
        return new TreeMap<>(partitions.getOrDefault(partition, new TreeMap<>()));
    }

    @Override
    public synchronized void commit(String partition, List<ElementChange> changes) {
        TreeMap<Integer, ElementContent> p = partitions.computeIfAbsent(partition, k -> new TreeMap<>());
        for (ElementChange c : changes) {
            if (c.content() == null) {
                p.remove(c.address());
            } else {
                p.put(c.address(), c.content());
            }
        }
        commits++;
    }

    /** How many commits were made: one per move, for tests of atomicity. */
    public synchronized int commits() {
        return commits;
    }
}
