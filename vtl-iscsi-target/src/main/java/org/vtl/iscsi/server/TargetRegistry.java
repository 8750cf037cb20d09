package org.vtl.iscsi.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live set of targets the server offers; thread-safe, changed at runtime by the assembly (a partition
 * created, changed or deleted). Replacing a target takes effect for new logins and for the LUN map of
 * running sessions; removing one asks its sessions to log out and then closes them.
 */
public final class TargetRegistry {

    private final ConcurrentSkipListMap<String, TargetDefinition> targets = new ConcurrentSkipListMap<>();
    private final List<Consumer<String>> removalListeners = new CopyOnWriteArrayList<>();

    /** Adds a target or replaces the one with the same IQN. */
    public void put(TargetDefinition target) {
        targets.put(target.iqn(), target);
    }

    /**
     * Removes a target; its sessions are asked to log out (Async Message) and dropped two seconds later.
     * Returns whether it existed.
     */
    public boolean remove(String iqn) {
        String key = iqn.toLowerCase(Locale.ROOT);
        boolean removed = targets.remove(key) != null;
        if (removed) {
            removalListeners.forEach(l -> l.accept(key));
        }
        return removed;
    }

    public Optional<TargetDefinition> find(String iqn) {
        return Optional.ofNullable(targets.get(iqn.toLowerCase(Locale.ROOT)));
    }

    /** The targets in IQN order. */
    public Collection<TargetDefinition> targets() {
        return new ArrayList<>(targets.values());
    }

    /** Called with the IQN of each removed target (the server closes that target's sessions). */
    public void onRemoval(Consumer<String> listener) {
        removalListeners.add(listener);
    }

    /** Unregisters a removal listener (the server on close). */
    public void removeListener(Consumer<String> listener) {
        removalListeners.remove(listener);
    }
}
