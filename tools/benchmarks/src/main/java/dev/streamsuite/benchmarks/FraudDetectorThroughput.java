package dev.streamsuite.benchmarks;

import dev.streamsuite.fraud.FraudDetectorApplication;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.common.GeoLocation;
import dev.streamsuite.schemas.payments.Channel;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;

/**
 * Publishes a backlog of payments, then starts fraud-detector and measures how fast it
 * decides on all of them: from start-up until its committed offsets reach the end of the
 * payments topic (so every decision and alert is committed, exactly once).
 *
 * <p>Usage: {@code FraudDetectorThroughput [payments] [cards]}.
 */
public final class FraudDetectorThroughput {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private FraudDetectorThroughput() {}

    public static void main(String[] args) throws Exception {
        int payments = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int cards = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        var infrastructure = TestInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        String registry = infrastructure.registry().registryApiUrl();
        infrastructure.kafka().createTopics(TopicCatalog.STREAM_PARTITIONS, TopicCatalog.TRANSACTIONS.name());

        long publishStart = System.nanoTime();
        publish(bootstrap, registry, payments, cards);
        double publishSeconds = seconds(publishStart);

        var stateDir = Files.createTempDirectory("fraud-benchmark-state");
        long start = System.nanoTime();
        try (var app = SpringApplication.run(
                FraudDetectorApplication.class,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--streamsuite.registry.url=" + registry,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--server.port=0",
                "--logging.level.root=WARN")) {
            infrastructure
                    .kafka()
                    .awaitConsumed("fraud-detector", TopicCatalog.TRANSACTIONS.name(), Duration.ofMinutes(20));
            double processSeconds = seconds(start);
            System.out.printf(
                    "%nfraud-detector: %,d payments over %,d cards%n"
                            + "  published (registry serializer, acks=all): %.1f s, %,.0f payments/s%n"
                            + "  decided, exactly-once, 1 stream thread:     %.1f s, %,.0f payments/s "
                            + "(including start-up and rebalance)%n",
                    payments,
                    cards,
                    publishSeconds,
                    payments / publishSeconds,
                    processSeconds,
                    payments / processSeconds);
        } finally {
            System.exit(0);
        }
    }

    private static void publish(String bootstrap, String registry, int payments, int cards) {
        var serdes = new RegistryAvroSerdes(registry, true, Map.of());
        var random = new Random(42);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                serdes.valueSerde(Transaction.class).serializer())) {
            for (int i = 0; i < payments; i++) {
                String card = "card-" + random.nextInt(cards);
                var payment = Transaction.newBuilder()
                        .setTransactionId("tx-" + i)
                        .setCardId(card)
                        .setAccountId("acct-" + card)
                        .setMerchantId("m-" + random.nextInt(5_000))
                        .setMerchantCategoryCode("54" + (10 + random.nextInt(90)))
                        .setAmountMinor(100 + (long) (random.nextDouble() * 20_000))
                        .setCurrency("EUR")
                        .setCountry("FR")
                        .setLocation(
                                random.nextBoolean()
                                        ? new GeoLocation(43 + random.nextDouble() * 6, -1 + random.nextDouble() * 8)
                                        : null)
                        .setChannel(Channel.CARD_PRESENT)
                        .setEventTime(T0.plusMillis(i * 50L))
                        .build();
                producer.send(new ProducerRecord<>(TopicCatalog.TRANSACTIONS.name(), card, payment));
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
