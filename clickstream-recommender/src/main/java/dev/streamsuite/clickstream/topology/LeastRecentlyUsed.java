package dev.streamsuite.clickstream.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map of at most {@code capacity} entries in which the least recently used makes room for a new one. */
final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    LeastRecentlyUsed(int capacity) {
        super(Math.min(capacity, 1 << 16) * 4 / 3 + 1, 0.75f, true);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
