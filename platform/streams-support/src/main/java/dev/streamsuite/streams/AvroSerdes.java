package dev.streamsuite.streams;

import dev.streamsuite.schemas.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes for the generated Avro classes. Services use {@link RegistryAvroSerdes}; topology
 * unit tests use {@code PlainAvroSerdes} from test-support, which needs no registry.
 */
public interface AvroSerdes {

    <V extends SpecificRecord> Serde<V> valueSerde(Class<V> type);

    /**
     * A serde for the service's own data (state stores, repartition topics, topics it publishes
     * for itself): {@link InternalFormat}, the same with or without a registry.
     */
    default <V extends SpecificRecord> Serde<V> internalSerde(Class<V> type) {
        return InternalFormat.serde(type);
    }

    /** A topic the service writes and reads only itself, in {@link InternalFormat}. */
    default <V extends SpecificRecord> Topic<String, V> internalTopic(TopicSpec<V> spec) {
        return new Topic<>(spec.name(), Serdes.String(), internalSerde(spec.valueType()));
    }

    /** A catalog topic with string keys and Avro values. */
    default <V extends SpecificRecord> Topic<String, V> topic(TopicSpec<V> spec) {
        return new Topic<>(spec.name(), Serdes.String(), valueSerde(spec.valueType()));
    }
}
