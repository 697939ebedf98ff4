package dev.streamsuite.clickstream.topology;

import dev.streamsuite.streams.LeastRecentlyUsed;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A task's key-value store with the values its processor last read or wrote kept decoded in memory, at most
 * {@code capacity} of them, the least recently used making room. The store's own cache holds bytes: every read from it
 * decodes the value again, which for an item's related items (thirty scored entries) cost more than the update itself.
 *
 * <p>All writes to the store go through here, so what is kept is what the store holds. Made in the processor's
 * {@code init}: when a task is closed without a commit (a crash, an aborted transaction), its stores are restored from
 * their changelogs and the processor initialised again, so values of the aborted transaction are never read back.
 */
final class DecodedEntries<V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> recent;

    DecodedEntries(KeyValueStore<String, V> store, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        this.recent = new LeastRecentlyUsed<>(capacity);
    }

    /** The value of {@code key}, null if there is none. */
    V get(String key) {
        V value = recent.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                recent.put(key, value);
            }
        }
        return value;
    }

    void put(String key, V value) {
        store.put(key, Objects.requireNonNull(value, "value"));
        recent.put(key, value);
    }

    /** Called after the store's entry of {@code key} was deleted behind its back (a sweep over the store). */
    void deleted(String key) {
        recent.remove(key);
    }

    int size() {
        return recent.size();
    }
}
