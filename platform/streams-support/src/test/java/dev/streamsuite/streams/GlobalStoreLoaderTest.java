package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.streams.errors.DeadLetterHandlers;
import dev.streamsuite.streams.errors.DeadLetterMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class GlobalStoreLoaderTest {

    private final List<String> skipped = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private final GlobalStoreCache<Integer> cache = new GlobalStoreCache<>(100);

    @Test
    void storesUsableRecordsSkipsAndCountsTheRestAndReportsEveryChange() {
        try (var driver = driver()) {
            var input = driver.createInputTopic("numbers", new StringSerializer(), new StringSerializer());
            input.pipeInput("one", "1");
            input.pipeInput("bad", "not a number");
            input.pipeInput("two", "2");
            input.pipeInput("one", (String) null);

            KeyValueStore<String, Integer> store = driver.getKeyValueStore("numbers");
            assertThat(store.get("two")).isEqualTo(2);
            assertThat(store.get("one")).isNull();
            assertThat(store.get("bad")).isNull();
            assertThat(skipped).containsExactly("numbers/NumberFormatException");
            assertThat(changes).containsExactly("one=1", "two=2", "one=null");
        }
    }

    @Test
    void keepsTheStoredValueWhenTheNewOneDoesNotReplaceIt() {
        try (var driver = driver()) {
            var input = driver.createInputTopic("numbers", new StringSerializer(), new StringSerializer());
            input.pipeInput("n", "5");
            input.pipeInput("n", "3");
            input.pipeInput("n", "8");

            KeyValueStore<String, Integer> store = driver.getKeyValueStore("numbers");
            assertThat(store.get("n")).isEqualTo(8);
            assertThat(changes).containsExactly("n=5", "n=8");
        }
    }

    @Test
    void aValueItsListenerRefusesIsSkippedAndTheStoreKeepsWhatItHad() {
        try (var driver = driver((key, value) -> {
            if (value != null && value > 100) {
                throw new IllegalArgumentException("too large");
            }
        })) {
            var input = driver.createInputTopic("numbers", new StringSerializer(), new StringSerializer());
            input.pipeInput("n", "5");
            input.pipeInput("n", "500");

            KeyValueStore<String, Integer> store = driver.getKeyValueStore("numbers");
            assertThat(store.get("n")).isEqualTo(5);
            assertThat(skipped).containsExactly("numbers/IllegalArgumentException");
        }
    }

    @Test
    void forgetsStoredValuesThatExpiredByTheNewestRecordTimeAsRecordsLoad() {
        // The stored number is when the entry expires (epoch ms).
        try (var driver = driver((key, value) -> {}, (expiresAt, newest) -> expiresAt < newest)) {
            var input = driver.createInputTopic("numbers", new StringSerializer(), new StringSerializer());
            input.pipeInput("a", "100", 0L);
            input.pipeInput("b", "3000", 0L);
            input.pipeInput("c", "1000", 0L);
            KeyValueStore<String, Integer> store = driver.getKeyValueStore("numbers");
            assertThat(store.get("a")).isEqualTo(100);

            input.pipeInput("d", "9000", 2_000L);

            assertThat(store.get("a")).isNull();
            assertThat(store.get("c")).isNull();
            assertThat(store.get("b")).isEqualTo(3000);
            assertThat(store.get("d")).isEqualTo(9000);
        }
    }

    @Test
    void tellsItsCacheOfEveryChangeOnceTheStoreHoldsItForgottenEntriesIncluded() {
        try (var driver = driver((key, value) -> {}, (expiresAt, newest) -> expiresAt < newest)) {
            var input = driver.createInputTopic("numbers", new StringSerializer(), new StringSerializer());
            KeyValueStore<String, Integer> store = driver.getKeyValueStore("numbers");
            input.pipeInput("a", "100", 0L);
            input.pipeInput("b", "5000", 0L);
            assertThat(cache.get("a", store::get)).isEqualTo(100);
            assertThat(cache.get("b", store::get)).isEqualTo(5000);
            assertThat(cache.get("c", store::get)).isNull();

            input.pipeInput("b", "6000", 0L);
            input.pipeInput("c", "7000", 0L);
            // Its time forgets "a", which expired at 100.
            input.pipeInput("d", "9000", 2_000L);

            assertThat(cache.get("a", store::get)).isNull();
            assertThat(cache.get("b", store::get)).isEqualTo(6000);
            assertThat(cache.get("c", store::get)).isEqualTo(7000);
            input.pipeInput("b", (String) null, 2_000L);
            assertThat(cache.get("b", store::get)).isNull();
        }
    }

    private TopologyTestDriver driver() {
        return driver((key, value) -> changes.add(key + "=" + value));
    }

    private TopologyTestDriver driver(GlobalStoreLoader.ChangeListener<Integer> listener) {
        return driver(listener, null);
    }

    private TopologyTestDriver driver(
            GlobalStoreLoader.ChangeListener<Integer> listener, BiPredicate<Integer, Long> expired) {
        Supplier<GlobalStoreLoader<String, Integer>> loader =
                () -> GlobalStoreLoader.<String, Integer>of("numbers", record -> Integer.parseInt(record.value()))
                        .replacingOnlyIf((newer, older) -> newer > older)
                        .notifying(listener)
                        .caching(cache);
        var builder = new StreamsBuilder();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("numbers"), Serdes.String(), Serdes.Integer()),
                "numbers",
                Consumed.with(Serdes.String(), Serdes.String()),
                () -> expired == null ? loader.get() : loader.get().forgetting(expired));
        var properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "loader-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        DeadLetterHandlers.apply(properties, "loader-test.dlq");
        properties.put(DeadLetterMetrics.CONFIG_KEY, new DeadLetterMetrics() {
            @Override
            public void recordDeadLetter(Stage stage, String sourceTopic, Exception cause) {}

            @Override
            public void recordSkipped(String sourceTopic, Exception cause) {
                skipped.add(sourceTopic + "/" + cause.getClass().getSimpleName());
            }
        });
        return new TopologyTestDriver(builder.build(), properties);
    }
}
