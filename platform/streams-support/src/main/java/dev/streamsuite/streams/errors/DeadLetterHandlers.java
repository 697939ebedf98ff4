package dev.streamsuite.streams.errors;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The platform's dead-letter settings for a plain Kafka Streams configuration, e.g. of a
 * {@code TopologyTestDriver}. Services get the same through streamsuite-defaults.properties.
 */
public final class DeadLetterHandlers {

    private DeadLetterHandlers() {}

    public static Properties apply(Properties properties, String deadLetterTopic) {
        properties.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        properties.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        properties.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        return properties;
    }
}
