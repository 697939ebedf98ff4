package dev.streamsuite.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Removes the entries of a key-value store that are done with, a batch at a time: each
 * {@link #sweep} looks at no more than {@code batch} entries, going on from where the previous
 * one stopped and starting over after the last key. A punctuator that sweeps does bounded work
 * inside its transaction whatever the number of keys, and every key is looked at once per
 * {@code keys / batch} sweeps.
 *
 * <p>One per processor instance (task). The position is not kept: after a restart the sweeps
 * start over from the first key, which only means some keys are looked at sooner.
 */
public final class StoreSweep<V> {

    private final KeyValueStore<String, V> store;
    private final int batch;
    /** Where the next sweep starts; null: from the first key. */
    private String cursor;

    public StoreSweep(KeyValueStore<String, V> store, int batch) {
        this.store = Objects.requireNonNull(store, "store");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
        this.batch = batch;
    }

    /** Deletes the entries among the next batch that {@code done} accepts (key, value), and returns their keys. */
    public List<String> sweep(BiPredicate<String, V> done) {
        var deleted = new ArrayList<String>();
        String last = null;
        boolean more;
        try (var scan = cursor == null ? store.all() : store.range(cursor, null)) {
            for (int seen = 0; seen < batch && scan.hasNext(); seen++) {
                var entry = scan.next();
                last = entry.key;
                if (done.test(entry.key, entry.value)) {
                    deleted.add(entry.key);
                }
            }
            more = scan.hasNext();
        }
        // The smallest key after the last one seen (keys are compared as UTF-8 bytes).
        cursor = more ? last + '\0' : null;
        deleted.forEach(store::delete);
        return deleted;
    }

    /** Whether the latest {@link #sweep} got to the last key, so the next one starts over. */
    public boolean reachedTheEnd() {
        return cursor == null;
    }
}
