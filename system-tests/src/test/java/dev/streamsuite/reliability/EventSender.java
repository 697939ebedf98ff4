package dev.streamsuite.reliability;

import dev.streamsuite.streams.AvroSerdes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends a workload's events as a producer in any language would: Avro values, String keys, event-time timestamps. */
public final class EventSender {

    private EventSender() {}

    /** Sends {@code events} in order and waits until all are acknowledged; fails if one was refused. */
    public static void send(Map<String, Object> producerSettings, AvroSerdes serdes, List<Workload.Event> events) {
        if (events.isEmpty()) {
            return;
        }
        var settings = new HashMap<>(producerSettings);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        var refused = new AtomicReference<Exception>();
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), serializer(serdes))) {
            for (var event : events) {
                producer.send(
                        new ProducerRecord<>(
                                event.topic(), null, event.timestamp().toEpochMilli(), event.key(), event.value()),
                        (metadata, failure) -> {
                            if (failure != null) {
                                refused.compareAndSet(null, failure);
                            }
                        });
            }
            producer.flush();
        }
        if (refused.get() != null) {
            throw new IllegalStateException("The broker refused a record", refused.get());
        }
    }

    /** Sends bytes as they are, e.g. what a broken producer writes, keyed {@code keyPrefix + index}. */
    public static void sendRaw(
            Map<String, Object> producerSettings, String topic, String keyPrefix, List<byte[]> values) {
        try (var producer = new KafkaProducer<>(
                producerSettings,
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keyPrefix + i, values.get(i)))
                        .get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("The broker refused a record", e.getCause());
        }
    }

    /** A serializer for any generated class, by the class of each value. */
    static Serializer<SpecificRecord> serializer(AvroSerdes serdes) {
        var serializers = new HashMap<Class<?>, Serializer<SpecificRecord>>();
        return (topic, value) -> serializers
                .computeIfAbsent(value.getClass(), type -> serializerOf(serdes, value))
                .serialize(topic, value);
    }

    @SuppressWarnings("unchecked")
    private static Serializer<SpecificRecord> serializerOf(AvroSerdes serdes, SpecificRecord value) {
        return (Serializer<SpecificRecord>) serdes.valueSerde(value.getClass()).serializer();
    }
}
