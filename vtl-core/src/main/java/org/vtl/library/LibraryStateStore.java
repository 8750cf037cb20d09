package org.vtl.library;

import java.util.List;
import java.util.Map;

/**
 * Persistence port for element contents, one map per partition. The catalog backs it with RocksDB; an
 * in-memory implementation serves tests ({@link org.vtl.library.memory.MemoryLibraryStateStore}).
 */
public interface LibraryStateStore {

    /** The stored contents of a partition's full elements by address; empty for a new partition. */
    Map<Integer, ElementContent> load(String partition);

    /**
     * Applies all changes of one move atomically and durably: after a crash either all or none are
     * visible. Throws if the change could not be made durable (then nothing changed).
     */
    void commit(String partition, List<ElementChange> changes);
}
