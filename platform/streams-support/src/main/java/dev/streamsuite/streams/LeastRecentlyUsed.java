package dev.streamsuite.streams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most {@code capacity} entries in which the least recently used makes room for a new one. Not
 * thread-safe: callers shared between threads synchronise on their own.
 */
public final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    public LeastRecentlyUsed(int capacity) {
        super(initialCapacity(capacity), 0.75f, true);
        this.capacity = capacity;
    }

    private static int initialCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        return Math.min(capacity, 1 << 16) * 4 / 3 + 1;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
