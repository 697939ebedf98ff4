package dev.streamsuite.testsupport;

import dev.streamsuite.streams.StreamsTopology;
import dev.streamsuite.streams.Topic;
import dev.streamsuite.streams.errors.DeadLetterHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A {@code TopologyTestDriver} for a service's topology, set up as the service runs it (the
 * platform's dead-letter handlers), its typed topics, and what it produced, as the topology tests
 * of every service check it.
 */
public final class TestDrivers {

    private TestDrivers() {}

    /** A driver whose wall clock starts at {@code wallClockStart}. */
    public static TopologyTestDriver start(
            StreamsTopology topology, String applicationId, String deadLetterTopic, Instant wallClockStart) {
        return start(topology, applicationId, deadLetterTopic, wallClockStart, new Properties());
    }

    /** With more settings, e.g. {@code state.dir}. */
    public static TopologyTestDriver start(
            StreamsTopology topology,
            String applicationId,
            String deadLetterTopic,
            Instant wallClockStart,
            Properties settings) {
        var properties = new Properties();
        properties.putAll(settings);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        DeadLetterHandlers.apply(properties, deadLetterTopic);
        topology.settings(properties);
        return new TopologyTestDriver(topology.build(properties), properties, wallClockStart);
    }

    public static <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, Topic<K, V> topic) {
        return driver.createInputTopic(
                topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    public static <K, V> TestOutputTopic<K, V> output(TopologyTestDriver driver, Topic<K, V> topic) {
        return driver.createOutputTopic(
                topic.name(),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    /** The {@code __streams.errors.message} header of each record on the dead-letter topic, in order. */
    public static List<String> deadLetterMessages(TopologyTestDriver driver, String deadLetterTopic) {
        return driver
                .createOutputTopic(deadLetterTopic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList()
                .stream()
                .map(record -> new String(
                        record.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                .toList();
    }

    /** The sum over all tags of a metric, e.g. {@code late-reading-total}. */
    public static double metricTotal(TopologyTestDriver driver, String name) {
        return driver.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
                .sum();
    }
}
