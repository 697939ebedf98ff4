package dev.streamsuite.streams;

import java.util.Map;
import java.util.function.Function;

/**
 * The most recently read entries of a global store, decoded, for processors that ask about the same keys over and
 * over (a recommendation asks the catalog about a hundred items, each a RocksDB read and an Avro decode). Read
 * through on a miss; the least recently used entry makes room, so it holds at most {@code capacity} entries whatever
 * the store's size. Missing keys are remembered too.
 *
 * <p>Kept in step by the store's loader ({@link GlobalStoreLoader#caching}), which drops a key once its change is in
 * the store. A read that started before a change may have seen the old value, so a value read while any change was
 * made is returned but not kept: the cache never holds a value the store no longer has. Thread-safe: the global
 * thread changes, stream threads and HTTP requests read.
 *
 * @param <V> the cached value: the stored value, or what the reader makes of it
 */
public final class GlobalStoreCache<V> {

    private static final Object ABSENT = new Object();

    private final Map<String, Object> entries;
    /** Changes made so far: a read keeps its value only if none came between its start and its end. */
    private long changes;

    public GlobalStoreCache(int capacity) {
        this.entries = new LeastRecentlyUsed<>(capacity);
    }

    /** The value of {@code key}: from the cache, or what {@code read} gets from the store (null: none). */
    @SuppressWarnings("unchecked")
    public V get(String key, Function<String, V> read) {
        long before;
        synchronized (this) {
            Object cached = entries.get(key);
            if (cached != null) {
                return cached == ABSENT ? null : (V) cached;
            }
            before = changes;
        }
        V value = read.apply(key);
        synchronized (this) {
            if (changes == before) {
                entries.put(key, value == null ? ABSENT : value);
            }
        }
        return value;
    }

    /** Called once the store holds a change of {@code key} (a new value or a deletion). */
    synchronized void changed(String key) {
        changes++;
        entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
