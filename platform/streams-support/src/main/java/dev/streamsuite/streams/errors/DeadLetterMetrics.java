package dev.streamsuite.streams.errors;

import java.util.Map;

/**
 * Counts records sent to the dead-letter topic. The platform puts an instance into the
 * streams configuration under {@link #CONFIG_KEY}; the handlers, which Kafka Streams creates
 * by class name, find it there.
 */
@FunctionalInterface
public interface DeadLetterMetrics {

    String CONFIG_KEY = "streamsuite.dead-letter.metrics";

    /** Where in the pipeline the record failed. */
    enum Stage {
        DESERIALIZATION,
        PROCESSING,
        PRODUCTION
    }

    void recordDeadLetter(Stage stage, String sourceTopic, Exception cause);

    /**
     * A record that was skipped without a dead-letter record: one of a topic read into a global
     * store, where Kafka Streams has no dead-letter producer.
     */
    default void recordSkipped(String sourceTopic, Exception cause) {}

    /** A punctuator threw; its stream thread fails and the work is redone from the last commit. */
    default void recordPunctuationFailure(String processor, Exception cause) {}

    /** A record that is not on the partition murmur2 of its key points to (see {@code KeyPlacement}). */
    default void recordMisplaced(String topic) {}

    static DeadLetterMetrics from(Map<String, ?> configs) {
        return configs.get(CONFIG_KEY) instanceof DeadLetterMetrics metrics ? metrics : (stage, topic, cause) -> {};
    }
}
