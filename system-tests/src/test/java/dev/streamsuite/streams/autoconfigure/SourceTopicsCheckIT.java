package dev.streamsuite.streams.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.streams.SourceTopics;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The start-up check against a real broker's topics. */
@RealKafkaAndRegistry
class SourceTopicsCheckIT {

    private static final String DEAD_LETTER = "source-topics-check-it.dlq";

    @BeforeAll
    static void deadLetterTopic() throws Exception {
        try {
            createTopics(new NewTopic(DEAD_LETTER, 1, (short) 1));
        } catch (java.util.concurrent.ExecutionException e) {
            // Created by an earlier run against the same broker.
        }
    }

    @Test
    void refusesToStartWithoutItsDeadLetterTopic() throws Exception {
        String devices = "check-devices-" + UUID.randomUUID();
        String readings = "check-readings-" + UUID.randomUUID();
        createTopics(new NewTopic(devices, 2, (short) 1), new NewTopic(readings, 2, (short) 1));

        assertThatThrownBy(() -> new SourceTopicsCheck(Duration.ofSeconds(30), "missing-" + UUID.randomUUID() + ".dlq")
                        .initKafkaStreams(joining(devices, readings), properties(), new DefaultKafkaClientSupplier()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist, so bad records could not be kept");
    }

    @Test
    void refusesToStartWhenTopicsReadByTheSameTasksDifferInPartitionCount() throws Exception {
        String devices = "check-devices-" + UUID.randomUUID();
        String readings = "check-readings-" + UUID.randomUUID();
        createTopics(new NewTopic(devices, 3, (short) 1), new NewTopic(readings, 6, (short) 1));

        assertThatThrownBy(() -> new SourceTopicsCheck(Duration.ofSeconds(30), DEAD_LETTER)
                        .initKafkaStreams(joining(devices, readings), properties(), new DefaultKafkaClientSupplier()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(devices + " (3 partitions) and " + readings + " (6 partitions)");
    }

    @Test
    void handsThePartitionCountsToTheProcessorsWhenTheyAgree() throws Exception {
        String devices = "check-devices-" + UUID.randomUUID();
        String readings = "check-readings-" + UUID.randomUUID();
        createTopics(new NewTopic(devices, 4, (short) 1), new NewTopic(readings, 4, (short) 1));
        var properties = properties();

        try (var streams = new SourceTopicsCheck(Duration.ofSeconds(30), DEAD_LETTER)
                .initKafkaStreams(joining(devices, readings), properties, new DefaultKafkaClientSupplier())) {
            assertThat(streams).isNotNull();
        }
        assertThat(((SourceTopics) properties.get(SourceTopics.CONFIG_KEY)).partitions())
                .isEqualTo(Map.of(devices, 4, readings, 4));
    }

    private static Topology joining(String devices, String readings) {
        var builder = new StreamsBuilder();
        var table = builder.table(devices, Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("d"));
        builder.stream(readings, Consumed.with(Serdes.String(), Serdes.String()))
                .join(table, (reading, device) -> reading + device);
        return builder.build();
    }

    private static Properties properties() {
        var properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "source-topics-check-it");
        properties.put(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafka().bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, "target/source-topics-check-state");
        return properties;
    }

    private static void createTopics(NewTopic... topics) throws Exception {
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafka().bootstrapServers()))) {
            admin.createTopics(List.of(topics)).all().get();
        }
    }
}
