package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.RegistryAvroSerdes;
import dev.streamsuite.testsupport.SamplePayments;
import dev.streamsuite.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * docker-compose.yml brought up for real, where a Docker engine runs: a payment yields a
 * decision. Our build machines have no Docker engine, so there JUnit reports this test as
 * disabled ("Docker is not available"); DeployedServicesIT and the compose tests run instead.
 * Needs the images in the local engine first: {@code ./mvnw -DskipTests -Pimages install}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

    /** The ports docker-compose.yml publishes on the host. */
    private static final String KAFKA = "localhost:9094";

    private static final String REGISTRY = "http://localhost:8081/apis/registry/v2";

    @Container
    static final ComposeContainer STACK = new ComposeContainer(
                    RepositoryFiles.path("docker-compose.yml").toFile())
            .withPull(false)
            .waitingFor("fraud-detector", Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(5)));

    @Test
    void aPaymentYieldsADecision() {
        var serdes = new RegistryAvroSerdes(REGISTRY, true, Map.of());
        String card = "card-" + UUID.randomUUID();
        var payment = SamplePayments.payment("tx-" + UUID.randomUUID(), card, "merchant-1", 2_500, Instant.now());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA),
                new StringSerializer(),
                serdes.valueSerde(Transaction.class).serializer())) {
            producer.send(new ProducerRecord<>(TopicCatalog.TRANSACTIONS.name(), card, payment));
        }

        try (var decisions = new TopicReader<>(
                KAFKA,
                TopicCatalog.PAYMENT_DECISIONS.name(),
                new StringDeserializer(),
                serdes.valueSerde(PaymentDecision.class).deserializer())) {
            var read = decisions.readUntil(
                    records -> records.stream().anyMatch(record -> record.key().equals(payment.getTransactionId())),
                    Duration.ofMinutes(2));
            assertThat(read).anySatisfy(record -> assertThat(record.key()).isEqualTo(payment.getTransactionId()));
        }
    }
}
