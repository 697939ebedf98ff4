package dev.streamsuite.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TopologyTestDriver;

/** What a {@code TopologyTestDriver} produced, as the topology tests of every service check it. */
public final class TestDrivers {

    private TestDrivers() {}

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
