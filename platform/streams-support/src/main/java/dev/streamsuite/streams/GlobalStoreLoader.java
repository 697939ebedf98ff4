package dev.streamsuite.streams;

import dev.streamsuite.streams.errors.DeadLetterMetrics;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store in step with its topic, through {@code StreamsBuilder#addGlobalStore}.
 * Kafka Streams runs this processor on restore too (the DSL's {@code globalTable} copies raw
 * bytes instead), so a record that cannot be used never reaches the store: it is skipped with
 * a warning naming topic, partition and offset, and counted in
 * {@code streamsuite_skipped_records_total}. A global thread has no dead-letter producer, and
 * failing would stop the service on every restore.
 *
 * <p>Each record is stored under a key derived from it (its record key by default), unless
 * {@code replaces} says the stored value is newer; a tombstone deletes its key.
 *
 * <p>A global store has no punctuator, so entries that are done with (expired) are removed as
 * records load ({@link #forgetting}): each record loaded, the loader looks at the next few
 * stored entries, round the store, and deletes the expired ones. The store then holds at most
 * about a third more entries than are in force, without a full scan.
 *
 * <p>A {@link GlobalStoreCache} in front of the store is told of each change, forgotten entries included
 * ({@link #caching}).
 *
 * @param <V> the topic's value type
 * @param <S> the stored value type
 */
public final class GlobalStoreLoader<V, S> implements Processor<String, V, Void, Void> {

    /**
     * Told of every change before the loader makes it to its store, e.g. to keep a derived view
     * in step. It may refuse a value by throwing: the record is then skipped like any other that
     * cannot be used, and the store keeps what it had.
     */
    @FunctionalInterface
    public interface ChangeListener<S> {
        /** {@code value} is null when the key is deleted. */
        void changed(String key, S value);
    }

    private static final Logger log = LoggerFactory.getLogger(GlobalStoreLoader.class);

    private final String storeName;
    private final Function<Record<String, V>, String> key;
    private final Function<Record<String, V>, S> stored;
    private final BiPredicate<S, S> replaces;
    private final ChangeListener<S> listener;
    private final BiPredicate<S, Long> expired;
    private final GlobalStoreCache<?> cache;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, S> store;
    private DeadLetterMetrics metrics;
    private StoreSweep<S> sweep;
    /** The newest record timestamp loaded: the loader's clock for {@link #forgetting}. */
    private long newest = Long.MIN_VALUE;

    private GlobalStoreLoader(
            String storeName,
            Function<Record<String, V>, String> key,
            Function<Record<String, V>, S> stored,
            BiPredicate<S, S> replaces,
            ChangeListener<S> listener,
            BiPredicate<S, Long> expired,
            GlobalStoreCache<?> cache) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.key = Objects.requireNonNull(key, "key");
        this.stored = Objects.requireNonNull(stored, "stored");
        this.replaces = Objects.requireNonNull(replaces, "replaces");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.expired = expired;
        this.cache = cache;
    }

    /**
     * A loader that stores what {@code stored} makes of each record under the record's key;
     * {@code stored} throws (e.g. {@link InvalidRecordException}) for a record that must not
     * be stored.
     */
    public static <V, S> GlobalStoreLoader<V, S> of(String storeName, Function<Record<String, V>, S> stored) {
        return new GlobalStoreLoader<>(
                storeName, Record::key, stored, (newer, older) -> true, (k, v) -> {}, null, null);
    }

    /** The same loader, storing under the key {@code key} derives (null: the record is not stored). */
    public GlobalStoreLoader<V, S> keyedBy(Function<Record<String, V>, String> key) {
        return new GlobalStoreLoader<>(storeName, key, stored, replaces, listener, expired, cache);
    }

    /** The same loader, replacing a stored value only when {@code replaces(newer, older)}. */
    public GlobalStoreLoader<V, S> replacingOnlyIf(BiPredicate<S, S> replaces) {
        return new GlobalStoreLoader<>(storeName, key, stored, replaces, listener, expired, cache);
    }

    /** The same loader, telling {@code listener} of each change before it makes it. */
    public GlobalStoreLoader<V, S> notifying(ChangeListener<S> listener) {
        return new GlobalStoreLoader<>(storeName, key, stored, replaces, listener, expired, cache);
    }

    /**
     * The same loader, deleting stored values that {@code expired(value, newest)} says are done
     * with, {@code newest} being the newest record timestamp loaded (epoch ms): a few entries
     * are looked at per record loaded. A {@link ChangeListener} is not told of these deletions.
     */
    public GlobalStoreLoader<V, S> forgetting(BiPredicate<S, Long> expired) {
        return new GlobalStoreLoader<>(
                storeName, key, stored, replaces, listener, Objects.requireNonNull(expired, "expired"), cache);
    }

    /** The same loader, telling {@code cache} of every change it makes to its store, once the store holds it. */
    public GlobalStoreLoader<V, S> caching(GlobalStoreCache<?> cache) {
        return new GlobalStoreLoader<>(
                storeName, key, stored, replaces, listener, expired, Objects.requireNonNull(cache, "cache"));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.metrics = DeadLetterMetrics.from(context.appConfigs());
        // Four looked at per entry added: the expired ones can make up at most about a quarter of the store.
        this.sweep = expired == null ? null : new StoreSweep<>(store, 4);
    }

    @Override
    public void process(Record<String, V> record) {
        try {
            load(record);
        } catch (RuntimeException e) {
            var metadata = context.recordMetadata();
            String topic = metadata.map(m -> m.topic()).orElse(null);
            metrics.recordSkipped(topic, e);
            log.warn(
                    "Skipping record {}-{}@{} of global store {}: {}. Publish a corrected record with the same key.",
                    topic,
                    metadata.map(m -> m.partition()).orElse(-1),
                    metadata.map(m -> m.offset()).orElse(-1L),
                    storeName,
                    e.getMessage());
        }
    }

    private void load(Record<String, V> record) {
        if (sweep != null) {
            newest = Math.max(newest, record.timestamp());
            sweep.sweep((key, value) -> expired.test(value, newest)).forEach(this::stored);
        }
        if (record.value() == null) {
            if (record.key() != null) {
                listener.changed(record.key(), null);
                store.delete(record.key());
                stored(record.key());
            }
            return;
        }
        String storeKey = key.apply(record);
        if (storeKey == null) {
            return;
        }
        S value = stored.apply(record);
        S current = store.get(storeKey);
        if (current == null || replaces.test(value, current)) {
            listener.changed(storeKey, value);
            store.put(storeKey, value);
            stored(storeKey);
        }
    }

    private void stored(String storeKey) {
        if (cache != null) {
            cache.changed(storeKey);
        }
    }
}
