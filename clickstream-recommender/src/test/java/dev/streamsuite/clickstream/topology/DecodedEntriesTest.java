package dev.streamsuite.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** Values stored as bytes, so a read from the store makes a new object and a kept one is the same object. */
class DecodedEntriesTest {

    private final KeyValueStore<String, String> store = store();

    @Test
    void writesThroughToTheStoreAndReadsBackWhatItWroteWithoutDecoding() {
        var entries = new DecodedEntries<>(store, 10);
        String written = new String("ranking of a");

        entries.put("a", written);

        assertThat(store.get("a")).isEqualTo(written).isNotSameAs(written);
        assertThat(entries.get("a")).isSameAs(written);
    }

    @Test
    void readsWhatItDoesNotHoldFromTheStoreOnceAndKeepsIt() {
        store.put("b", "restored from the changelog");
        var entries = new DecodedEntries<>(store, 10);

        String first = entries.get("b");

        assertThat(first).isEqualTo("restored from the changelog");
        assertThat(entries.get("b")).isSameAs(first);
        assertThat(entries.get("missing")).isNull();
        assertThat(entries.size()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedMakesRoom() {
        var entries = new DecodedEntries<>(store, 2);
        String a = new String("a");
        String b = new String("b");
        entries.put("a", a);
        entries.put("b", b);
        entries.get("a");

        entries.put("c", "c");

        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get("a")).isSameAs(a);
        assertThat(entries.get("b")).isEqualTo("b").isNotSameAs(b);
    }

    @Test
    void forgetsAnEntryDeletedFromTheStore() {
        var entries = new DecodedEntries<>(store, 10);
        entries.put("a", "a");

        store.delete("a");
        entries.deleted("a");

        assertThat(entries.get("a")).isNull();
    }

    @Test
    void refusesToKeepNothing() {
        assertThatThrownBy(() -> new DecodedEntries<>(store, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be at least 1");
    }

    private static KeyValueStore<String, String> store() {
        KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("decoded-entries-test"), Serdes.String(), Serdes.String())
                .withLoggingDisabled()
                .build();
        store.init(new MockProcessorContext<String, String>().getStateStoreContext(), store);
        return store;
    }
}
