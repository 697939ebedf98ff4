package dev.streamsuite.reliability;

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
public abstract class Workload {

    private final String service;
    private final String inputTopic;
    private final Function<AvroSerdes, StreamsTopology> topology;

    /**
     * @param service the service's module, whose {@code -exec} jar runs
     * @param inputTopic the topic whose consumption measures progress
     * @param topology the service's topology, with its shipped settings, over the serdes given
     */
    protected Workload(String service, String inputTopic, Function<AvroSerdes, StreamsTopology> topology) {
        this.service = service;
        this.inputTopic = inputTopic;
        this.topology = topology;
    }

    public final String service() {
        return service;
    }

    public final String inputTopic() {
        return inputTopic;
    }

    public final StreamsTopology topology(AvroSerdes serdes) {
        return topology.apply(serdes);
    }

    /** Records sent before the stream: reference data such as devices. Empty by default. */
    public List<Event> reference(String run) {
        return List.of();
    }

    /** The stream: {@code count} seeded records, keys and ids prefixed by {@code run}. */
    public abstract List<Event> stream(String run, int count);

    /**
     * Valid Avro records the service must refuse for what they say (a negative amount, a reading
     * beyond physical limits, a click without an item): they go to the dead-letter topic.
     */
    public abstract List<Event> invalid(String run);

    /**
     * Records sent once the stream is consumed, e.g. to close the last windows: batches, each sent
     * once everything before it is consumed. None by default.
     */
    public List<List<Event>> closing(String run) {
        return List.of();
    }

    /** The outputs checked. */
    public abstract List<Output<?>> outputs();

    /** One record to send: its topic, key, value and timestamp. */
    public record Event(String topic, String key, SpecificRecord value, Instant timestamp) {}

    /**
     * An output topic. Each record has a deterministic {@code id}: two records with one id are a
     * duplicate. When {@code compared}, the ids and {@code content} of the records must equal the
     * recomputation's; otherwise only duplicates are counted (content that depends on wall-clock
     * time, e.g. silence alerts).
     */
    public record Output<V extends SpecificRecord>(
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
