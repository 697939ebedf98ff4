package dev.streamsuite.streams;

import dev.streamsuite.schemas.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * A service's processing, as plain Kafka Streams. The service registers one as a bean; the
 * platform adds it to the application's {@link StreamsBuilder} and runs it with the shared
 * exactly-once, dead-letter, health and metrics settings. Tests build it directly for a
 * {@code TopologyTestDriver}.
 */
public interface StreamsTopology {

    /** Adds this service's sources, processors, stores and sinks to the builder. */
    void addTo(StreamsBuilder builder);

    /**
     * The topics this service publishes for itself and reads back (compacted models, rules in
     * force). The platform creates them at start-up, with the dead-letter topic.
     */
    default List<TopicSpec<?>> ownTopics() {
        return List.of();
    }

    /**
     * Kafka Streams settings this topology needs to behave as designed. The platform adds them to
     * the service's streams configuration unless that sets them itself; tests running the topology
     * apply them too ({@link #settings(Map)}).
     */
    default Map<String, Object> streamsSettings() {
        return Map.of();
    }

    /** {@code properties} with {@link #streamsSettings()} added where they do not set them. */
    default <M extends Map<? super String, Object>> M settings(M properties) {
        streamsSettings().forEach(properties::putIfAbsent);
        return properties;
    }

    default Topology build(Properties properties) {
        var builder = new StreamsBuilder();
        addTo(builder);
        return builder.build(properties);
    }
}
