package dev.streamsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.fraud.topology.FraudTopics;
import dev.streamsuite.fraud.topology.FraudTopology;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.PlainAvroSerdes;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.SamplePayments;
import dev.streamsuite.testsupport.SchemaRegistry;
import dev.streamsuite.testsupport.ServiceProcess;
import dev.streamsuite.testsupport.TestDrivers;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once across a {@code kill -9}, as Apache Kafka proves its own: two fraud-detector
 * processes (static members of one group) decide a stream of payments; one is killed hard while
 * they work and started again under the same member id. A {@code read_committed} reader must see
 * exactly one decision per payment, equal to what fraud-detector's own topology decides for the
 * same payments in one uninterrupted run; a {@code read_uncommitted} reader shows what the
 * transactions hide. The run prints its figures.
 */
@RealKafkaAndRegistry
class HardKillIT {

    private static final String APPLICATION = "fraud-detector-hard-kill";
    private static final int PAYMENTS = 12_000;
    private static final int CARDS = 1_500;

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void everyPaymentIsDecidedExactlyOnceAcrossAHardKill() throws Exception {
        infrastructure.createCatalogTopics();
        String run = "kill-" + System.currentTimeMillis() + "-";
        var payments = payments(run);
        var instanceA = environment(run, "instance-a");
        var instanceB = environment(run, "instance-b");
        var a = start(instanceA);
        var b = start(instanceB);
        try {
            var sendFailure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
            var sending = new Thread(() -> send(payments), "hard-kill-payments");
            sending.setUncaughtExceptionHandler((thread, failure) -> sendFailure.set(failure));
            sending.start();
            await("a third of the payments decided")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> decidedSoFar(run) >= PAYMENTS / 3);

            a.kill();
            long killedAt = System.nanoTime();
            a = start(instanceA);
            double secondsToReady = (System.nanoTime() - killedAt) / 1e9;
            sending.join();
            assertThat(sendFailure.get()).as("sending the payments").isNull();

            var committed = decisions(run, true);
            var uncommitted = decisions(run, false);
            var expected = recomputed(payments);
            Map<String, List<String>> byPayment = committed.stream()
                    .collect(Collectors.groupingBy(
                            ConsumerRecord::key,
                            Collectors.mapping(
                                    record -> record.value().getOutcome().name(), Collectors.toList())));
            long duplicates = committed.size() - byPayment.size();
            long lost = expected.keySet().stream()
                    .filter(id -> !byPayment.containsKey(id))
                    .count();
            long differing = expected.entrySet().stream()
                    .filter(entry -> byPayment.containsKey(entry.getKey()))
                    .filter(entry -> !byPayment.get(entry.getKey()).get(0).equals(entry.getValue()))
                    .count();
            long flagged = expected.values().stream()
                    .filter(outcome -> !outcome.equals("APPROVE"))
                    .count();
            System.out.printf(
                    "%nHARD KILL SUMMARY fraud-detector: payments %d (%d not approved), kills 1, read_committed decisions %d, "
                            + "duplicates %d, lost %d, differing from the recomputation %d; read_uncommitted "
                            + "decisions %d (%d more); kill -9 to READY %.1f s%n",
                    PAYMENTS,
                    flagged,
                    committed.size(),
                    duplicates,
                    lost,
                    differing,
                    uncommitted.size(),
                    uncommitted.size() - committed.size(),
                    secondsToReady);

            assertThat(duplicates).as("duplicate decisions read_committed").isZero();
            assertThat(lost).as("payments without a decision").isZero();
            assertThat(differing)
                    .as("decisions unlike the uninterrupted recomputation")
                    .isZero();
            assertThat(uncommitted.size()).isGreaterThanOrEqualTo(committed.size());
            assertThat(flagged)
                    .as("payments the rules did not approve: the comparison covers more than one outcome")
                    .isPositive();
        } finally {
            a.close();
            b.close();
        }
    }

    /** A state directory of its own per run: a checkpoint of an earlier run's broker is no use. */
    private Map<String, String> environment(String run, String member) throws Exception {
        var environment = new HashMap<>(
                infrastructure.serviceEnvironment(Files.createDirectories(Path.of("target/state", run, member))));
        environment.put("SPRING_APPLICATION_NAME", APPLICATION);
        environment.put("SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_INSTANCE_ID", member);
        return environment;
    }

    private static ServiceProcess start(Map<String, String> environment) throws Exception {
        var service = ServiceProcess.start(
                Path.of("").toAbsolutePath().getParent(),
                "fraud-detector",
                environment,
                SchemaRegistry.freeLoopbackPort());
        return service.awaitOk("/actuator/health/readiness", Duration.ofMinutes(3));
    }

    /** Seeded payments of many cards, in event-time order, at a pace the instances work through. */
    private static List<Transaction> payments(String run) {
        var random = new Random(7);
        var payments = new ArrayList<Transaction>();
        Instant start = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < PAYMENTS; i++) {
            String card = run + "card-" + random.nextInt(CARDS);
            long amount = random.nextInt(100) < 3 ? 200_000 + random.nextInt(800_000) : 500 + random.nextInt(9_500);
            payments.add(SamplePayments.payment(
                    run + "tx-" + i, card, "merchant-" + random.nextInt(50), amount, start.plusMillis(250L * i)));
        }
        return payments;
    }

    private void send(List<Transaction> payments) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                infrastructure.serdes().valueSerde(Transaction.class).serializer())) {
            for (int i = 0; i < payments.size(); i++) {
                var payment = payments.get(i);
                producer.send(new ProducerRecord<>(
                        TopicCatalog.TRANSACTIONS.name(),
                        null,
                        payment.getEventTime().toEpochMilli(),
                        payment.getCardId(),
                        payment));
                if (i % 1_000 == 999) {
                    producer.flush();
                }
            }
        }
    }

    private long decidedSoFar(String run) {
        try (var reader = new TopicReader<>(
                infrastructure.kafka().bootstrapServers(),
                TopicCatalog.PAYMENT_DECISIONS.name(),
                new StringDeserializer(),
                infrastructure.serdes().valueSerde(PaymentDecision.class).deserializer())) {
            return reader.readToEnd(Duration.ofSeconds(30)).stream()
                    .filter(record -> record.key().startsWith(run))
                    .count();
        }
    }

    /** Every decision of this run, once all are there (committed) or once the topic is read. */
    private List<ConsumerRecord<String, PaymentDecision>> decisions(String run, boolean committed) {
        var values = infrastructure.serdes().valueSerde(PaymentDecision.class).deserializer();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        try (var reader = committed
                ? new TopicReader<>(bootstrap, TopicCatalog.PAYMENT_DECISIONS.name(), new StringDeserializer(), values)
                : TopicReader.uncommitted(
                        bootstrap, TopicCatalog.PAYMENT_DECISIONS.name(), new StringDeserializer(), values)) {
            var read = committed
                    ? reader.readUntil(
                            records -> records.stream()
                                            .map(ConsumerRecord::key)
                                            .filter(key -> key.startsWith(run))
                                            .distinct()
                                            .count()
                                    >= PAYMENTS,
                            Duration.ofMinutes(5))
                    : reader.readToEnd(Duration.ofMinutes(1));
            return read.stream().filter(record -> record.key().startsWith(run)).toList();
        }
    }

    /** fraud-detector's own topology, with its shipped settings, deciding the same payments in one run. */
    private static Map<String, String> recomputed(List<Transaction> payments) throws Exception {
        var topics = FraudTopics.from(new PlainAvroSerdes());
        var settings = new Properties();
        Path memory = Path.of("/dev/shm");
        Path state = Files.isWritable(memory)
                ? Files.createTempDirectory(memory, "hard-kill-")
                : Files.createTempDirectory("hard-kill-");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        var outcomes = new HashMap<String, String>();
        try (var driver = TestDrivers.start(
                new FraudTopology(topics, ServiceSettings.shipped("fraud", FraudSettings.class)),
                "hard-kill-recomputation",
                "recomputation.dlq",
                Instant.now(),
                settings)) {
            var input = TestDrivers.input(driver, topics.transactions());
            payments.forEach(payment -> input.pipeInput(payment.getCardId(), payment, payment.getEventTime()));
            TestDrivers.output(driver, topics.decisions())
                    .readValuesToList()
                    .forEach(decision -> outcomes.put(
                            decision.getTransactionId(), decision.getOutcome().name()));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(state);
        }
        return outcomes;
    }
}
