package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.testsupport.LoopbackPorts;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.ServiceProcess;
import dev.streamsuite.testsupport.TestInfrastructure;
import io.fabric8.kubernetes.api.model.Container;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The three services started the way the Helm chart starts them (their jars, configured only by
 * the environment the rendered StatefulSet sets) on a real broker and registry: the probes the
 * chart points at answer, every metric the Grafana dashboards and alert rules query is one
 * the services really expose on /actuator/prometheus, and a client in another language (the
 * Node.js example) publishes payments and reads their decisions.
 */
@RealKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployedServicesIT {

    /** For each service: its input topic, and a global-store topic whose bad records it skips. */
    private static final Map<String, List<String>> TOPICS = Map.of(
            "fraud-detector", List.of(TopicCatalog.TRANSACTIONS.name(), TopicCatalog.BLOCKLIST.name()),
            "iot-aggregator", List.of(TopicCatalog.SENSOR_READINGS.name()),
            "clickstream-recommender", List.of(TopicCatalog.CLICKS.name(), TopicCatalog.CATALOG.name()));

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();

    @BeforeAll
    void startTheServicesAsTheChartConfiguresThem() throws Exception {
        var infrastructure = TestInfrastructure.shared();
        // The chart leaves topic creation to the cluster's owners; here CatalogTopics does it.
        infrastructure.createCatalogTopics();
        for (String service : TOPICS.keySet()) {
            Container container = RenderedChart.render(service, RenderedChart.serviceValues(service), Map.of())
                    .statefulSet()
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            containers.put(service, container);
            var pod = Map.of("metadata.name", service + "-0", "metadata.namespace", RenderedChart.NAMESPACE);
            var environment = new LinkedHashMap<>(RenderedChart.environmentOf(container, pod));
            environment.values().removeIf(value -> value == null);
            // Where this machine differs from a cluster: one local broker and registry, a local
            // state directory, and an address the test can reach.
            environment.putAll(infrastructure.serviceEnvironment(Files.createTempDirectory(service)));
            environment.putAll(Map.of(
                    "STREAMSUITE_TOPICS_REPLICATIONFACTOR", "1", "JAVA_TOOL_OPTIONS", "-XX:+ExitOnOutOfMemoryError"));
            services.put(
                    service, ServiceProcess.start(RepositoryFiles.root(), service, environment, LoopbackPorts.free()));
        }
        for (var service : services.values()) {
            await(service + " ready")
                    .atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> service.status("/actuator/health/readiness") == 200);
        }
        // A bad record on every input (dead-lettered) and global-store topic (skipped), so the
        // counters the dashboards show exist.
        TOPICS.values().stream()
                .flatMap(List::stream)
                .forEach(topic -> infrastructure.publishRaw(
                        topic, "deployed-services-it", "not avro".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterAll
    void stopTheServices() throws InterruptedException {
        for (var service : services.values()) {
            service.close();
        }
    }

    @Test
    void theProbesTheChartConfiguresAnswer() {
        containers.forEach((service, container) -> {
            var process = services.get(service);
            assertThat(process.status(container.getLivenessProbe().getHttpGet().getPath()))
                    .as("%s liveness", service)
                    .isEqualTo(200);
            assertThat(process.status(container.getStartupProbe().getHttpGet().getPath()))
                    .isEqualTo(200);
            assertThat(process.status(container.getReadinessProbe().getHttpGet().getPath()))
                    .isEqualTo(200);
        });
    }

    @Test
    void everyMetricADashboardOrAlertQueriesIsExposed() {
        await("every metric of the dashboards exposed")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    var exposedByAny = new TreeSet<String>();
                    for (String service : services.keySet()) {
                        Set<String> exposed = exposed(service);
                        exposedByAny.addAll(exposed);
                        assertThat(exposed)
                                .as("metrics of %s's dashboard exposed by %s", service, service)
                                .containsAll(
                                        MonitoringQueries.metricNames(MonitoringQueries.dashboard(service + ".json")));
                    }
                    assertThat(exposedByAny)
                            .as("metrics of the overview dashboard")
                            .containsAll(MonitoringQueries.metricNames(
                                    MonitoringQueries.dashboard("streamsuite-overview.json")));
                    assertThat(exposedByAny)
                            .as("metrics of the alert rules")
                            .containsAll(MonitoringQueries.metricNames(MonitoringQueries.alertRules()));
                });
    }

    @Test
    void aNodeJsClientPublishesPaymentsAndReadsTheirDecisions() throws Exception {
        var infrastructure = TestInfrastructure.shared();
        // As a schema pipeline would: the contract's schema registered before anyone produces.
        registerValueSchema(TopicCatalog.TRANSACTIONS.name(), Transaction.getClassSchema());
        Path client = RepositoryFiles.path("examples/node-client");
        Npm.install(client, Path.of("target/npm/node-client-install.log"));
        Path log = Path.of("target/npm/node-client-round-trip.log");
        String runId = "it-" + System.currentTimeMillis();

        int exit = Npm.run(
                client,
                List.of("node", "round-trip.js"),
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        infrastructure.kafka().bootstrapServers(),
                        "REGISTRY_URL",
                        infrastructure.registry().confluentCompatibleUrl(),
                        "PAYMENTS",
                        "20",
                        "TIMEOUT_MS",
                        "180000",
                        "RUN_ID",
                        runId),
                log,
                Duration.ofMinutes(4));

        var lines = Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("{"))
                .toList();
        assertThat(lines).as("the JSON summary in %s", log).isNotEmpty();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(exit).as("round-trip.js exit code; output in %s", log).isZero();
        assertThat(summary.path("published").asInt()).isEqualTo(20);
        assertThat(summary.path("decided").asInt()).isEqualTo(20);
        summary.path("decisions").properties().forEach(decision -> {
            assertThat(decision.getKey()).startsWith("tx-" + runId + "-");
            assertThat(decision.getValue().asText()).isIn("APPROVE", "REVIEW", "DECLINE");
        });
    }

    private static void registerValueSchema(String topic, Schema schema) throws Exception {
        String url = TestInfrastructure.shared().registry().confluentCompatibleUrl() + "/subjects/" + topic
                + "-value/versions";
        String body = new ObjectMapper().writeValueAsString(Map.of("schema", schema.toString()));
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("registering %s: %s", url, response.body())
                .isEqualTo(200);
    }

    /** The metric names on /actuator/prometheus, as Prometheus stores them. */
    private Set<String> exposed(String service) {
        var names = new TreeSet<String>();
        for (String line : services.get(service).body("/actuator/prometheus").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
