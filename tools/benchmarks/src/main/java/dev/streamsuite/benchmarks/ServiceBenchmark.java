package dev.streamsuite.benchmarks;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;

/**
 * Publishes a backlog of input events, then starts a service as deployed (its Spring
 * application, exactly-once, one stream thread) and measures how long it takes until its
 * committed offsets reach the end of the input: every output of every event is committed.
 */
final class ServiceBenchmark {

    /** Sends records of one value type through the registry serializer, as any producer would. */
    interface Publisher {
        <V extends SpecificRecord> void send(String topic, String key, V value);
    }

    private ServiceBenchmark() {}

    static void run(
            String service,
            Class<?> application,
            String inputTopic,
            List<String> topicsToCreate,
            long events,
            String unit,
            Consumer<Publisher> publishBacklog)
            throws IOException {
        var infrastructure = TestInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        String registry = infrastructure.registry().registryApiUrl();
        infrastructure.kafka().createTopics(TopicCatalog.STREAM_PARTITIONS, topicsToCreate.toArray(String[]::new));

        long publishStart = System.nanoTime();
        publish(bootstrap, registry, publishBacklog);
        double publishSeconds = seconds(publishStart);

        var stateDir = Files.createTempDirectory(service + "-benchmark-state");
        long start = System.nanoTime();
        int exitCode = 1;
        try (var app = SpringApplication.run(
                application,
                // The services' application.yml files share one classpath here: name the service explicitly.
                "--spring.application.name=" + service,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--streamsuite.registry.url=" + registry,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--server.port=0",
                "--logging.level.root=WARN")) {
            infrastructure.kafka().awaitConsumed(service, inputTopic, Duration.ofMinutes(20));
            double processSeconds = seconds(start);
            System.out.printf(
                    "%n%s: %,d %s%n"
                            + "  published (registry serializer, acks=all): %.1f s, %,.0f %s/s%n"
                            + "  processed, exactly-once, 1 stream thread:  %.1f s, %,.0f %s/s "
                            + "(including start-up and rebalance)%n",
                    service,
                    events,
                    unit,
                    publishSeconds,
                    events / publishSeconds,
                    unit,
                    processSeconds,
                    events / processSeconds,
                    unit);
            exitCode = 0;
        } catch (RuntimeException e) {
            e.printStackTrace();
        } finally {
            // Kafka and Spring leave non-daemon threads; the exit code tells Maven how it went.
            System.exit(exitCode);
        }
    }

    private static void publish(String bootstrap, String registry, Consumer<Publisher> backlog) {
        var serdes = new RegistryAvroSerdes(registry, true, Map.of());
        try (var producer = new KafkaProducer<String, SpecificRecord>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                serdes.valueSerde(SpecificRecord.class).serializer())) {
            backlog.accept(new Publisher() {
                @Override
                public <V extends SpecificRecord> void send(String topic, String key, V value) {
                    producer.send(new ProducerRecord<>(topic, key, value));
                }
            });
        }
    }

    /** The i-th argument as a number, or the default when absent or blank. */
    static int intArg(String[] args, int i, int defaultValue) {
        return args.length > i && !args[i].isBlank() ? Integer.parseInt(args[i].trim()) : defaultValue;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
