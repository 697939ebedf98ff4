package dev.streamsuite.streams;

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

    default Topology build(Properties properties) {
        var builder = new StreamsBuilder();
        addTo(builder);
        return builder.build(properties);
    }
}
