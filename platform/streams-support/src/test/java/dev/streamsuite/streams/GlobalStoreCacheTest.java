package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GlobalStoreCacheTest {

    private final Map<String, String> store = new HashMap<>(Map.of("a", "A", "b", "B", "c", "C"));
    private final List<String> reads = new ArrayList<>();
    private final Function<String, String> read = key -> {
        reads.add(key);
        return store.get(key);
    };

    @Test
    void readsEachKeyOnceMissingKeysIncluded() {
        var cache = new GlobalStoreCache<String>(10);

        assertThat(cache.get("a", read)).isEqualTo("A");
        assertThat(cache.get("a", read)).isEqualTo("A");
        assertThat(cache.get("nope", read)).isNull();
        assertThat(cache.get("nope", read)).isNull();

        assertThat(reads).containsExactly("a", "nope");
    }

    @Test
    void holdsAtMostItsCapacityTheLeastRecentlyUsedMakingRoom() {
        var cache = new GlobalStoreCache<String>(2);
        cache.get("a", read);
        cache.get("b", read);
        cache.get("a", read);
        cache.get("c", read);

        assertThat(cache.size()).isEqualTo(2);
        reads.clear();
        cache.get("a", read);
        cache.get("c", read);
        cache.get("b", read);
        assertThat(reads).containsExactly("b");
    }

    @Test
    void aChangedKeyIsReadAgain() {
        var cache = new GlobalStoreCache<String>(10);
        cache.get("a", read);

        store.put("a", "A2");
        cache.changed("a");

        assertThat(cache.get("a", read)).isEqualTo("A2");
    }

    @Test
    void aValueReadWhileTheStoreChangedIsReturnedButNotKept() {
        var cache = new GlobalStoreCache<String>(10);
        // The global thread changes "a" while a stream thread reads it: the read saw the old value.
        Function<String, String> readRacingAChange = key -> {
            String seen = read.apply(key);
            store.put("a", "A2");
            cache.changed("a");
            return seen;
        };

        assertThat(cache.get("a", readRacingAChange)).isEqualTo("A");
        assertThat(cache.get("a", read)).isEqualTo("A2");
        assertThat(cache.get("a", read)).isEqualTo("A2");
        assertThat(reads).containsExactly("a", "a");
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> new GlobalStoreCache<String>(0)).hasMessageContaining("capacity must be at least 1");
    }
}
