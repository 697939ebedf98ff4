package dev.streamsuite.streams;

import dev.streamsuite.schemas.TopicSpec;
import java.util.List;
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

    default Topology build(Properties properties) {
        var builder = new StreamsBuilder();
        addTo(builder);
        return builder.build(properties);
    }
}
