package dev.streamsuite.clickstream.topology;

import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global store in step with its topic: each record is stored under a key derived
 * from it, unless {@code replaces} says the stored value is newer; a tombstone deletes.
 */
final class GlobalStoreLoader<V, S> implements Processor<String, V, Void, Void> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GlobalStoreLoader.class);

    private final String storeName;
    private final Function<Record<String, V>, String> key;
    private final Function<V, S> stored;
    private final BiPredicate<S, S> replaces;
    private KeyValueStore<String, S> store;

    GlobalStoreLoader(
            String storeName,
            Function<Record<String, V>, String> key,
            Function<V, S> stored,
            BiPredicate<S, S> replaces) {
        this.storeName = storeName;
        this.key = key;
        this.stored = stored;
        this.replaces = replaces;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        try {
            load(record);
        } catch (RuntimeException e) {
            // A global thread has no dead-letter topic, and failing would stop the service on every restore.
            log.warn("Skipping a record of global store {} that cannot be loaded: {}", storeName, e.toString());
        }
    }

    private void load(Record<String, V> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                store.delete(record.key());
            }
            return;
        }
        String storeKey = key.apply(record);
        if (storeKey == null) {
            return;
        }
        S value = stored.apply(record.value());
        S current = store.get(storeKey);
        if (current == null || replaces.test(value, current)) {
            store.put(storeKey, value);
        }
    }
}
