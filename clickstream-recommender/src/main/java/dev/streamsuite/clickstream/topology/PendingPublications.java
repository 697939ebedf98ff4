package dev.streamsuite.clickstream.topology;

import java.util.ArrayList;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What awaits publication, kept in a changelogged store and committed with the change it stands for: a crash between
 * a commit and the next publication delays the publication, never loses it.
 */
final class PendingPublications {

    private PendingPublications() {}

    /** Hands each pending key and its value to {@code publish}, removing it from the store first. */
    static <V> void drain(KeyValueStore<String, V> pending, BiConsumer<String, V> publish) {
        var due = new ArrayList<KeyValue<String, V>>();
        try (var all = pending.all()) {
            all.forEachRemaining(due::add);
        }
        for (var entry : due) {
            pending.delete(entry.key);
            publish.accept(entry.key, entry.value);
        }
    }
}
