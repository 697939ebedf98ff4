package dev.streamsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.testsupport.LoopbackPorts;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.SamplePayments;
import dev.streamsuite.testsupport.ServiceProcess;
import dev.streamsuite.testsupport.TcpProxy;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * fraud-detector, as a process, loses its schema registry (a cut link: connection refused) and is
 * restarted during the outage; then valid payments arrive, encoded by a producer that had the
 * schema cached. This is how a user saw all of them go to the dead-letter topic. They must wait
 * for the registry instead, and all of them are decided, once, when it is back.
 */
@RealKafkaAndRegistry
class RegistryOutageIT {

    private static final String APPLICATION = "fraud-detector-registry-outage";
    private static final String TRAFFIC_APPLICATION = "fraud-detector-registry-outage-traffic";
    private static final Pattern FAILED_THREADS =
            Pattern.compile("(?m)^kafka_stream_failed_stream_threads_total\\{[^}]*} ([0-9.]+)");

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void validPaymentsWaitForTheRegistryAcrossARestartAndAreDecidedOnceItIsBack() throws Exception {
        infrastructure.createCatalogTopics();
        // Encoded while the registry is up, as producers with cached schemas keep sending.
        var serializer = infrastructure.serdes().valueSerde(Transaction.class).serializer();
        var payments = payments(8);
        var encoded = payments.stream()
                .map(payment -> serializer.serialize(TopicCatalog.TRANSACTIONS.name(), payment))
                .toList();
        Path state = Files.createTempDirectory("registry-outage");

        try (var registryLink = TcpProxy.to(infrastructure.registry().port())) {
            var environment = new HashMap<>(infrastructure.serviceEnvironment(state));
            environment.put("SPRING_APPLICATION_NAME", APPLICATION);
            environment.put(
                    "STREAMSUITE_REGISTRY_URL", "http://127.0.0.1:" + registryLink.port() + "/apis/registry/v2");
            var service = start(environment);
            try {
                registryLink.cut();
                service.close();
                service = start(environment);
                publish(payments, encoded);
                var restarted = service;
                await("the stream thread fails on the unreachable registry and is replaced")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> failedThreads(restarted) > 0);
                assertThat(deadLetters(APPLICATION, payments))
                        .as("valid payments dead-lettered during the outage")
                        .isEmpty();

                registryLink.restore();
                var decisions = awaitDecisions(payments);

                var decided = decisions.stream().map(ConsumerRecord::key).toList();
                assertThat(decided).as("one decision per payment, none twice").doesNotHaveDuplicates();
                assertThat(deadLetters(APPLICATION, payments)).isEmpty();
            } finally {
                service.close();
            }
        }
    }

    /**
     * Payments flow all along. The registry goes away while the service runs: it keeps deciding
     * with the schemas it has (its own state no longer needs the registry). It is restarted during
     * the outage: without schemas it waits, dead-lettering nothing. The registry comes back: every
     * payment is decided, once.
     */
    @Test
    void paymentsKeepFlowingThroughAnOutageAndWaitAcrossARestartInIt() throws Exception {
        infrastructure.createCatalogTopics();
        var serializer = infrastructure.serdes().valueSerde(Transaction.class).serializer();
        var payments = payments(2_400);
        var encoded = payments.stream()
                .map(payment -> serializer.serialize(TopicCatalog.TRANSACTIONS.name(), payment))
                .toList();
        Path state = Files.createTempDirectory("registry-outage-traffic");
        var traffic = Executors.newSingleThreadScheduledExecutor();
        try (var registryLink = TcpProxy.to(infrastructure.registry().port());
                var producer = new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                infrastructure.kafka().bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            var environment = new HashMap<>(infrastructure.serviceEnvironment(state));
            environment.put("SPRING_APPLICATION_NAME", TRAFFIC_APPLICATION);
            environment.put(
                    "STREAMSUITE_REGISTRY_URL", "http://127.0.0.1:" + registryLink.port() + "/apis/registry/v2");
            var service = start(environment);
            try {
                var sent = new AtomicInteger();
                traffic.scheduleAtFixedRate(
                        () -> {
                            for (int i = 0; i < 4 && sent.get() < payments.size(); i++) {
                                int n = sent.getAndIncrement();
                                producer.send(new ProducerRecord<>(
                                        TopicCatalog.TRANSACTIONS.name(),
                                        payments.get(n).getCardId(),
                                        encoded.get(n)));
                            }
                        },
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
                await("decisions before the outage")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> decided(payments) >= 100);

                registryLink.cut();
                long cutAt = System.nanoTime();
                long atCut = decided(payments);
                await("decisions with the registry away")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> decided(payments) >= atCut + 100);
                long duringOutage = decided(payments) - atCut;

                service.close();
                service = start(environment);
                var restarted = service;
                await("the restarted service waiting for the registry")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> failedThreads(restarted) > 0);
                assertThat(deadLetters(TRAFFIC_APPLICATION, payments))
                        .as("valid payments dead-lettered during the outage")
                        .isEmpty();

                registryLink.restore();
                double outageSeconds = (System.nanoTime() - cutAt) / 1e9;
                var decisions = awaitDecisions(payments);
                System.out.printf(
                        "%nREGISTRY OUTAGE UNDER TRAFFIC: %d payments at 40/s; outage %.1f s with a restart in it;"
                                + " %d decided during the outage before the restart; %d decisions in all;"
                                + " dead letters %d%n",
                        payments.size(),
                        outageSeconds,
                        duringOutage,
                        decisions.size(),
                        deadLetters(TRAFFIC_APPLICATION, payments).size());

                assertThat(decisions.stream().map(ConsumerRecord::key).toList())
                        .as("one decision per payment, none twice")
                        .hasSize(payments.size())
                        .doesNotHaveDuplicates();
                assertThat(deadLetters(TRAFFIC_APPLICATION, payments)).isEmpty();
            } finally {
                traffic.shutdownNow();
                service.close();
            }
        }
    }

    private long decided(List<Transaction> payments) {
        Set<String> ids = new HashSet<>();
        payments.forEach(payment -> ids.add(payment.getTransactionId()));
        try (var reader = new TopicReader<>(
                infrastructure.kafka().bootstrapServers(),
                TopicCatalog.PAYMENT_DECISIONS.name(),
                new StringDeserializer(),
                infrastructure.serdes().valueSerde(PaymentDecision.class).deserializer())) {
            return reader.readToEnd(Duration.ofSeconds(30)).stream()
                    .map(ConsumerRecord::key)
                    .filter(ids::contains)
                    .distinct()
                    .count();
        }
    }

    private ServiceProcess start(Map<String, String> environment) throws Exception {
        var service = ServiceProcess.start(
                Path.of("").toAbsolutePath().getParent(), "fraud-detector", environment, LoopbackPorts.free());
        return service.awaitOk("/actuator/health/liveness", Duration.ofMinutes(3));
    }

    private static double failedThreads(ServiceProcess service) {
        var match = FAILED_THREADS.matcher(service.body("/actuator/prometheus"));
        return match.find() ? Double.parseDouble(match.group(1)) : 0;
    }

    private void publish(List<Transaction> payments, List<byte[]> values) {
        for (int i = 0; i < payments.size(); i++) {
            infrastructure.publishRaw(
                    TopicCatalog.TRANSACTIONS.name(), payments.get(i).getCardId(), values.get(i));
        }
    }

    private List<ConsumerRecord<String, PaymentDecision>> awaitDecisions(List<Transaction> payments) {
        Set<String> expected = new HashSet<>();
        payments.forEach(payment -> expected.add(payment.getTransactionId()));
        try (var reader = new TopicReader<>(
                infrastructure.kafka().bootstrapServers(),
                TopicCatalog.PAYMENT_DECISIONS.name(),
                new StringDeserializer(),
                infrastructure.serdes().valueSerde(PaymentDecision.class).deserializer())) {
            return reader
                    .readUntil(
                            read -> read.stream()
                                            .map(ConsumerRecord::key)
                                            .filter(expected::contains)
                                            .distinct()
                                            .count()
                                    == expected.size(),
                            Duration.ofMinutes(3))
                    .stream()
                    .filter(record -> expected.contains(record.key()))
                    .toList();
        }
    }

    /** Dead letters of these payments in the application's topic (shared with other tests' records). */
    private List<ConsumerRecord<String, byte[]>> deadLetters(String application, List<Transaction> payments) {
        var cards = new HashSet<>(payments.stream().map(Transaction::getCardId).toList());
        try (var reader = new TopicReader<>(
                infrastructure.kafka().bootstrapServers(),
                application + ".dlq",
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return reader.readToEnd(Duration.ofSeconds(30)).stream()
                    .filter(record -> cards.contains(record.key()))
                    .toList();
        }
    }

    private static List<Transaction> payments(int count) {
        var payments = new ArrayList<Transaction>();
        for (int i = 0; i < count; i++) {
            String card = "outage-card-" + i % 500;
            payments.add(SamplePayments.payment(
                    "outage-tx-" + i + "-" + System.nanoTime(), card, "merchant-1", 2_500, Instant.now()));
        }
        return payments;
    }
}
