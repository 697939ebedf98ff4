package dev.streamsuite.schemas;

import java.time.Duration;
import java.util.Objects;

/**
 * One topic of the suite. Keys are UTF-8 strings (so producers in any language can key
 * records without a registry); values are Avro records in the Confluent wire format, except
 * on dead-letter topics, which keep the rejected record's original bytes.
 *
 * @param name topic name
 * @param key what the key holds, e.g. "cardId"
 * @param valueType the Avro class of the value, or {@code byte[]} for dead-letter topics
 * @param partitions partition count; topics joined with each other must agree
 * @param cleanup delete (retention-bound stream) or compact (latest value per key)
 * @param retention how long records are kept; null for compacted topics (kept forever)
 * @param producer who writes to it: a service name, or "external" for inputs
 * @param description what the topic is for
 */
public record TopicSpec<V>(
        String name,
        String key,
        Class<V> valueType,
        int partitions,
        CleanupPolicy cleanup,
        Duration retention,
        String producer,
        String description) {

    public enum CleanupPolicy {
        DELETE,
        COMPACT;

        /** The value of the topic's {@code cleanup.policy} config. */
        public String configValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The same topic under another name, e.g. a dead-letter topic named by configuration. */
    public TopicSpec<V> withName(String otherName) {
        return new TopicSpec<>(otherName, key, valueType, partitions, cleanup, retention, producer, description);
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition");
        }
        if ((cleanup == CleanupPolicy.DELETE) == (retention == null)) {
            throw new IllegalArgumentException(
                    "Topic " + name + ": a delete topic needs a retention, a compacted topic none");
        }
    }
}
