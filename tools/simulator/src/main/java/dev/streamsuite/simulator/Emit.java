package dev.streamsuite.simulator;

import org.apache.avro.specific.SpecificRecord;

/**
 * Where the simulators send their records. The Kafka-backed implementation serializes values with the suite's registry
 * serdes; tests record the calls. Calls come from the thread that drives the simulator, in the order the simulator
 * generated the records.
 */
public interface Emit {

    /**
     * Sends one record.
     *
     * @param topic the topic name, from {@code TopicCatalog}
     * @param key the record key (card, device, user, item id ...), as the topic's contract says
     * @param value the Avro value; never {@code null}
     */
    void send(String topic, String key, SpecificRecord value);

    /**
     * Sends bytes that are deliberately not a valid record of the topic, to exercise dead-letter handling.
     *
     * @param value the raw value bytes, sent as they are
     */
    void sendRaw(String topic, String key, byte[] value);
}
