package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class StoreSweepTest {

    private final KeyValueStore<String, Integer> store = store();

    @Test
    void looksAtOneBatchPerSweepAndGoesOnWhereThePreviousStopped() {
        for (int i = 0; i < 10; i++) {
            store.put("k" + i, i);
        }
        var sweep = new StoreSweep<>(store, 4);
        var looked = new ArrayList<Integer>();

        assertThat(sweep.sweep((key, value) -> looked.add(value) && value % 2 == 0))
                .containsExactly("k0", "k2");
        assertThat(looked).containsExactly(0, 1, 2, 3);
        assertThat(sweep.sweep((key, value) -> looked.add(value) && value % 2 == 0))
                .containsExactly("k4", "k6");
        assertThat(sweep.reachedTheEnd()).isFalse();
        assertThat(sweep.sweep((key, value) -> looked.add(value) && value % 2 == 0))
                .containsExactly("k8");
        assertThat(sweep.reachedTheEnd()).isTrue();

        assertThat(looked).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(keys()).containsExactly("k1", "k3", "k5", "k7", "k9");
    }

    @Test
    void startsOverAfterTheLastKeyAndSeesKeysAddedMeanwhile() {
        store.put("b", 1);
        store.put("d", 2);
        var sweep = new StoreSweep<>(store, 2);
        assertThat(sweep.sweep((key, value) -> false)).isEmpty();

        store.put("a", 3);
        assertThat(sweep.sweep((key, value) -> key.equals("a"))).containsExactly("a");
        assertThat(keys()).containsExactly("b", "d");
    }

    @Test
    void anEmptyStoreHasNothingToSweep() {
        assertThat(new StoreSweep<>(store, 1).sweep((key, value) -> true)).isEmpty();
    }

    @Test
    void refusesABatchOfNothing() {
        assertThatThrownBy(() -> new StoreSweep<>(store, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch must be at least 1");
    }

    private List<String> keys() {
        var keys = new ArrayList<String>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private static KeyValueStore<String, Integer> store() {
        KeyValueStore<String, Integer> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("sweep-test"), Serdes.String(), Serdes.Integer())
                .withLoggingDisabled()
                .build();
        var context = new MockProcessorContext<String, Integer>();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
