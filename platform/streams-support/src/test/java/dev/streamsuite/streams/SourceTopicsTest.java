package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.streams.errors.DeadLetterMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.junit.jupiter.api.Test;

class SourceTopicsTest {

    private static final String APP = "source-topics-test";

    @Test
    void topicsReadByTheSameTasksMustHaveTheSamePartitionCount() {
        var topology = readingsEnrichedFromDevices();

        assertThatThrownBy(
                        () -> new SourceTopics(Map.of("readings", 6, "devices", 3)).requireCoPartitioned(topology, APP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("devices (3 partitions) and readings (6 partitions)")
                .hasMessageContaining("same number of partitions");
        assertThatCode(() -> new SourceTopics(Map.of("readings", 6, "devices", 6)).requireCoPartitioned(topology, APP))
                .doesNotThrowAnyException();
    }

    @Test
    void repartitionTopicsAndTopicsOfOtherTasksAreNotCompared() {
        var builder = new StreamsBuilder();
        builder.stream("clicks", Consumed.with(Serdes.String(), Serdes.String()))
                .groupBy((user, item) -> item, Grouped.with("by-item", Serdes.String(), Serdes.String()))
                .count(Named.as("count"));
        builder.stream("orders", Consumed.with(Serdes.String(), Serdes.String()));
        var topology = builder.build().describe();

        assertThat(SourceTopics.externalSources(topology, APP)).containsExactlyInAnyOrder("clicks", "orders");
        assertThatCode(() -> new SourceTopics(Map.of("clicks", 6, "orders", 1)).requireCoPartitioned(topology, APP))
                .doesNotThrowAnyException();
    }

    @Test
    void aRecordOffTheMurmur2PartitionOfItsKeyIsCountedAndStillProcessed() {
        var misplaced = new ArrayList<String>();
        var processed = new ArrayList<String>();
        var builder = new StreamsBuilder();
        builder.stream("readings", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(() -> new Checked(processed), Named.as("checked"));
        var properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(SourceTopics.CONFIG_KEY, new SourceTopics(Map.of("readings", 6)));
        properties.put(DeadLetterMetrics.CONFIG_KEY, new DeadLetterMetrics() {
            @Override
            public void recordDeadLetter(Stage stage, String sourceTopic, Exception cause) {}

            @Override
            public void recordMisplaced(String topic) {
                misplaced.add(topic);
            }
        });
        // The test driver puts every record on partition 0.
        String onZero = keyOnPartition(0, 6);
        String elsewhere = keyOnPartition(4, 6);
        try (var driver = new TopologyTestDriver(builder.build(), properties)) {
            var input = driver.createInputTopic("readings", new StringSerializer(), new StringSerializer());
            input.pipeInput(onZero, "a");
            input.pipeInput(elsewhere, "b");
        }

        assertThat(misplaced).containsExactly("readings");
        assertThat(processed).containsExactly("a", "b");
    }

    private static String keyOnPartition(int partition, int partitions) {
        for (int i = 0; ; i++) {
            if (KeyPlacement.expectedPartition("key-" + i, partitions) == partition) {
                return "key-" + i;
            }
        }
    }

    private static TopologyDescription readingsEnrichedFromDevices() {
        var builder = new StreamsBuilder();
        builder.table("devices", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("devices-store"));
        builder.stream("readings", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(() -> new Checked(new ArrayList<>()), Named.as("enrich"), "devices-store");
        return builder.build().describe();
    }

    private static final class Checked implements FixedKeyProcessor<String, String, String> {

        private final List<String> processed;
        private KeyPlacement placement;

        Checked(List<String> processed) {
            this.processed = processed;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            placement = KeyPlacement.of(context);
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            placement.check(record.key());
            processed.add(record.value());
        }
    }
}
