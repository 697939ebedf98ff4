package dev.streamsuite.testsupport;

import dev.streamsuite.streams.CatalogTopics;
import dev.streamsuite.streams.RegistryAvroSerdes;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker and registry shared by all integration tests of one JVM. Started on first use;
 * stopped by {@link RealInfrastructureExtension} when the test plan ends (or, failing that,
 * by a shutdown hook), so no process outlives the test run.
 */
public final class TestInfrastructure {

    private static TestInfrastructure shared;

    private final KafkaBroker kafka;
    private final SchemaRegistry registry;

    private TestInfrastructure(KafkaBroker kafka, SchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            var registry = SchemaRegistry.start();
            KafkaBroker kafka;
            try {
                kafka = KafkaBroker.start();
            } catch (RuntimeException e) {
                registry.close();
                throw e;
            }
            shared = new TestInfrastructure(kafka, registry);
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stop, "stop-test-infrastructure"));
        }
        return shared;
    }

    static synchronized void stop() {
        if (shared != null) {
            try (var registry = shared.registry;
                    var kafka = shared.kafka) {
                shared = null;
            }
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    /** Serdes against the shared registry, registering schemas as a producer in any language would. */
    public RegistryAvroSerdes serdes() {
        return new RegistryAvroSerdes(registry.registryApiUrl(), true, Map.of());
    }

    /** Sends one Avro record, in the Confluent wire format, with a String key. */
    public <V extends SpecificRecord> void publish(String topic, String key, V value) {
        @SuppressWarnings("unchecked")
        var serializer = serdes().valueSerde((Class<V>) value.getClass()).serializer();
        send(serializer, topic, key, value);
    }

    /** The catalog's topics and the dead-letter topics, as the one-shot job of a deployment creates them. */
    public void createCatalogTopics() {
        try (var admin = kafka.admin()) {
            CatalogTopics.create(admin, CatalogTopics.all((short) 1));
        }
    }

    /**
     * The environment variables that point a service process ({@link ServiceProcess}) at this
     * broker and registry, with its state in {@code stateDirectory} and 127.0.0.1 as the address
     * it advertises for interactive queries.
     */
    public Map<String, String> serviceEnvironment(Path stateDirectory) {
        return Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "STREAMSUITE_REGISTRY_URL", registry.registryApiUrl(),
                "STREAMSUITE_ADVERTISED_HOST", "127.0.0.1",
                "SPRING_KAFKA_STREAMS_STATEDIR", stateDirectory.toAbsolutePath().toString());
    }

    /** Sends bytes as they are: garbage, truncated records, another wire format. */
    public void publishRaw(String topic, String key, byte[] value) {
        send(new ByteArraySerializer(), topic, key, value);
    }

    private <V> void send(Serializer<V> values, String topic, String key, V value) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                values)) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }
}
