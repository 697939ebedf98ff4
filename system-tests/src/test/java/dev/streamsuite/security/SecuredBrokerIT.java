package dev.streamsuite.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.streamsuite.deploy.KafkaUserAcls;
import dev.streamsuite.reliability.EventSender;
import dev.streamsuite.reliability.Workloads;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.streams.CatalogTopics;
import dev.streamsuite.testsupport.LoopbackPorts;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.ServiceProcess;
import dev.streamsuite.testsupport.TestInfrastructure;
import dev.streamsuite.testsupport.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services on a secured broker (SASL_SSL with SCRAM-SHA-512, TLS, the standard authorizer),
 * each with exactly the ACLs of the KafkaUser the Helm chart renders for it, and nothing more;
 * and what the broker refuses to everyone else.
 */
@RealKafkaAndRegistry
class SecuredBrokerIT {

    private static SecuredBroker broker;
    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = SecuredBroker.start(Path.of("target/secured-broker-" + System.currentTimeMillis()));
        try (var admin = broker.admin()) {
            CatalogTopics.create(admin, CatalogTopics.all((short) 1));
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fraud-detector", "iot-aggregator", "clickstream-recommender"})
    void aServiceWorksWithExactlyTheAclsOfItsKafkaUser(String service) throws Exception {
        var grant = KafkaUserAcls.of(service);
        var running =
                start(service, grant.user(), grant.acls()).awaitOk("/actuator/health/readiness", Duration.ofMinutes(3));
        try {
            String run = "secured-" + System.currentTimeMillis() + "-";
            var workload = Workloads.of(service);
            var events = new java.util.ArrayList<>(workload.reference(run));
            events.addAll(workload.stream(run, 300));
            EventSender.send(adminSettings(), infrastructure.serdes(), events);
            String output = workload.outputs().get(0).topic();

            await(service + " output on " + output)
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> recordsOfRun(output, run) > 0);
            assertThat(running.isAlive()).isTrue();
        } finally {
            running.close();
        }
    }

    @Test
    void aServiceWithoutANeededAclStopsAndSaysWhichOne() throws Exception {
        var grant = KafkaUserAcls.of("fraud-detector");
        var withoutGroup = grant.acls().stream()
                .filter(acl -> acl.pattern().resourceType() != ResourceType.GROUP)
                .toList();
        assertThat(withoutGroup).hasSizeLessThan(grant.acls().size());
        var service = start("fraud-detector", grant.user(), withoutGroup);
        try {
            await("fraud-detector to give up")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> service.status("/actuator/health/liveness") == 503);
            assertThat(Files.readString(service.log()))
                    .contains("Kafka refused this service's principal")
                    .contains("Not authorized to access group")
                    .contains("docs/security.md");
        } finally {
            service.close();
        }
    }

    @Test
    void plaintextAndUnauthenticatedClientsAreRefused() throws Exception {
        var plaintext = Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (var admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }

        var wrongPassword = new HashMap<String, Object>(broker.clientSettings(SecuredBroker.ADMIN, "not-the-password"));
        wrongPassword.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var admin = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutReadPermissionCannotConsumeAlerts() throws Exception {
        String password = broker.createUser("nosy");
        var settings = new HashMap<String, Object>(broker.clientSettings("nosy", password));
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (var consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(TopicCatalog.FRAUD_ALERTS.name(), 0)));
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 30; i++) {
                            consumer.poll(Duration.ofSeconds(1));
                        }
                    })
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(TopicCatalog.FRAUD_ALERTS.name());
        }
    }

    /** The service as the chart runs it on a secured cluster: its own user, exactly {@code acls}; not awaited. */
    private ServiceProcess start(String service, String user, List<AclBinding> acls) throws Exception {
        String password = broker.createUser(user);
        try (var admin = broker.admin()) {
            var existing = admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values().get().stream()
                    .filter(acl -> acl.entry().principal().equals("User:" + user))
                    .map(AclBinding::toFilter)
                    .toList();
            if (!existing.isEmpty()) {
                admin.deleteAcls(existing).all().get();
            }
            admin.createAcls(acls).all().get();
        }
        var environment = new HashMap<>(infrastructure.serviceEnvironment(
                Files.createDirectories(Path.of("target/state", "secured-" + System.currentTimeMillis(), service))));
        environment.putAll(broker.serviceEnvironment(user, password));
        environment.put("STREAMSUITE_TOPICS_CREATE", "false");
        return ServiceProcess.start(
                Path.of("").toAbsolutePath().getParent(), service, environment, LoopbackPorts.free());
    }

    private static Map<String, Object> adminSettings() {
        var settings = new HashMap<String, Object>(broker.clientSettings(SecuredBroker.ADMIN, broker.adminPassword()));
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return settings;
    }

    private long recordsOfRun(String topic, String run) {
        try (var reader =
                new TopicReader<>(adminSettings(), topic, new StringDeserializer(), new ByteArrayDeserializer())) {
            return reader.readToEnd(Duration.ofMinutes(1)).stream()
                    .filter(record -> record.key() != null && record.key().startsWith(run))
                    .count();
        }
    }
}
