package dev.streamsuite.benchmarks;

import dev.streamsuite.streams.CatalogTopics;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.BrokerProcess;
import dev.streamsuite.testsupport.SchemaRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** A broker and a registry, each a process of its own, as the services would find them in production. */
final class Cluster implements AutoCloseable {

    private final BrokerProcess broker;
    private final SchemaRegistry registry;

    private Cluster(BrokerProcess broker, SchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts both and creates the catalog's topics and {@code extraTopics} (six partitions each). */
    static Cluster start(Path directory, List<String> extraTopics) throws Exception {
        var broker = BrokerProcess.plaintext(directory.resolve("broker"));
        try {
            var registry = SchemaRegistry.start();
            var cluster = new Cluster(broker, registry);
            try (var admin = cluster.admin()) {
                CatalogTopics.create(admin, CatalogTopics.all((short) 1));
                admin.createTopics(extraTopics.stream()
                                .map(topic -> new NewTopic(topic, 6, (short) 1))
                                .toList())
                        .all()
                        .get();
            }
            return cluster;
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.registryApiUrl();
    }

    long brokerPid() {
        return broker.pid();
    }

    Admin admin() {
        return broker.admin();
    }

    /** A producer that writes Avro records through the platform's registry serdes, batched. */
    KafkaProducer<String, SpecificRecord> producer(Map<String, Object> overrides) {
        var settings = new java.util.HashMap<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024));
        settings.putAll(overrides);
        return new KafkaProducer<>(
                settings,
                new StringSerializer(),
                new RegistryAvroSerdes(registryUrl(), true, Map.of())
                        .valueSerde(SpecificRecord.class)
                        .serializer());
    }

    /** Writes a dataset as fast as the broker takes it. */
    void preload(Datasets.Dataset dataset, java.time.Instant end) {
        try (var producer = producer(Map.of())) {
            dataset.write(
                    (topic, key, value, timestamp) ->
                            producer.send(new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), key, value)),
                    end);
        }
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
