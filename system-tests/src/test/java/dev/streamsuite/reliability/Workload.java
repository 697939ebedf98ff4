package dev.streamsuite.reliability;

import dev.streamsuite.schemas.TopicSpec;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.StreamsTopology;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One service under faults: what it is fed, what it writes, and how each output is recognised.
 * The expected outputs are never written down here: {@link FaultRun} computes them with the
 * service's own topology, over the same input, in one uninterrupted run.
 */
public interface Workload {

    /** The service's module, whose {@code -exec} jar runs. */
    String service();

    /** The topic whose consumption measures progress. */
    String inputTopic();

    /** The service's topology, with its shipped settings, over {@code serdes}. */
    StreamsTopology topology(AvroSerdes serdes);

    /** The topics the service creates for itself at start-up, beside the catalog's. */
    default List<TopicSpec<?>> ownTopics() {
        return List.of();
    }

    /** Records sent before the stream: reference data such as devices. Empty by default. */
    default List<Event> reference(String run) {
        return List.of();
    }

    /** The stream: {@code count} seeded records, keys and ids prefixed by {@code run}. */
    List<Event> stream(String run, int count);

    /**
     * Valid Avro records the service must refuse for what they say (a negative amount, a reading
     * beyond physical limits, a click without an item): they go to the dead-letter topic.
     */
    List<Event> invalid(String run);

    /** Records sent once the stream is consumed, e.g. to close the last windows. Empty by default. */
    default List<Event> closing(String run) {
        return List.of();
    }

    /** The outputs checked. */
    List<Output<?>> outputs();

    /** One record to send: its topic, key, value and timestamp. */
    record Event(String topic, String key, SpecificRecord value, Instant timestamp) {}

    /**
     * An output topic. Each record has a deterministic {@code id}: two records with one id are a
     * duplicate. When {@code compared}, the ids and {@code content} of the records must equal the
     * recomputation's; otherwise only duplicates are counted (content that depends on wall-clock
     * time, e.g. silence alerts).
     */
    record Output<V extends SpecificRecord>(
            String topic, Class<V> type, Function<V, String> id, Function<V, String> content, boolean compared) {

        String idOf(SpecificRecord value) {
            return id.apply(type.cast(value));
        }

        String contentOf(SpecificRecord value) {
            return content.apply(type.cast(value));
        }

        /** Reads this topic's values with {@code serdes}, as records of any type. */
        @SuppressWarnings("unchecked")
        Deserializer<SpecificRecord> deserializer(AvroSerdes serdes) {
            return (Deserializer<SpecificRecord>) serdes.valueSerde(type).deserializer();
        }
    }
}
