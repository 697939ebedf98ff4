package dev.streamsuite.simulator.cli;

import dev.streamsuite.simulator.Emit;
import dev.streamsuite.streams.RegistryAvroSerdes;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends the generators' records to Kafka, values serialized through the registry. */
final class KafkaEmit implements Emit, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Serializer<SpecificRecord> values;
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();

    KafkaEmit(String bootstrapServers, String registryUrl) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        10),
                new StringSerializer(),
                new ByteArraySerializer());
        this.values = new RegistryAvroSerdes(registryUrl, true, Map.of())
                .valueSerde(SpecificRecord.class)
                .serializer();
    }

    @Override
    public void send(String topic, String key, SpecificRecord value) {
        sendRaw(topic, key, values.serialize(topic, value));
    }

    @Override
    public void sendRaw(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, exception) -> {
            if (exception == null) {
                sent.increment();
            } else {
                failed.increment();
            }
        });
    }

    /** Records the cluster acknowledged. */
    long sent() {
        return sent.sum();
    }

    long failed() {
        return failed.sum();
    }

    @Override
    public void close() {
        producer.close();
    }
}
