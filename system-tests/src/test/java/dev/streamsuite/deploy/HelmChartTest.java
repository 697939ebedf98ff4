package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.streamsuite.testsupport.ServiceProcess;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart, rendered by Helm for each service's values and each scenario under
 * {@code helm/streamsuite/ci/}, and checked as Kubernetes would see it.
 */
class HelmChartTest {

    record Scenario(String name, List<Path> values) {
        RenderedChart render() {
            return RenderedChart.render("streamsuite", values, Map.of());
        }

        String service() {
            return render().statefulSet().getMetadata().getLabels().get("app.kubernetes.io/name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() throws IOException {
        var services = Stream.of("fraud-detector", "iot-aggregator", "clickstream-recommender")
                .map(service -> new Scenario("helm/values/" + service + ".yaml", RenderedChart.serviceValues(service)));
        try (var files = Files.list(RepositoryFiles.chart().resolve("ci"))) {
            var ci = files.sorted()
                    .map(file -> new Scenario("ci/" + file.getFileName(), List.of(file)))
                    .toList();
            return Stream.concat(services, ci.stream());
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void lintsWithoutWarnings(Scenario scenario, @TempDir Path directory) throws IOException {
        var result = new Helm(RenderedChart.copyWithValues(directory, scenario.values()))
                .lint()
                .strict()
                .call();

        assertThat(result.getMessages())
                .as("helm lint --strict")
                .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
        assertThat(result.isFailed()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyPodMeetsTheRestrictedPodSecurityStandard(Scenario scenario, @TempDir Path directory) throws IOException {
        var chart = RenderedChart.renderWithHooks(directory, scenario.values());
        var pods = new ArrayList<PodSpec>();
        pods.add(chart.statefulSet().getSpec().getTemplate().getSpec());
        chart.all(Pod.class).forEach(pod -> pods.add(pod.getSpec()));

        assertThat(pods).hasSize(2);
        for (PodSpec pod : pods) {
            PodSecurityContext podContext = pod.getSecurityContext();
            assertThat(podContext.getRunAsNonRoot()).isTrue();
            assertThat(podContext.getRunAsUser()).isPositive();
            assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getVolumes())
                    .allSatisfy(volume -> assertThat(volume.getHostPath()).isNull());
            for (Container container : allContainers(pod)) {
                var context = container.getSecurityContext();
                assertThat(context.getAllowPrivilegeEscalation()).isFalse();
                assertThat(context.getPrivileged()).isNotEqualTo(Boolean.TRUE);
                assertThat(context.getReadOnlyRootFilesystem()).isTrue();
                assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
                assertThat(container.getPorts())
                        .allSatisfy(port -> assertThat(port.getHostPort()).isNull());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyPodAdvertisesItsOwnNameAndStaticMemberId(Scenario scenario) {
        var chart = scenario.render();
        StatefulSet statefulSet = chart.statefulSet();
        Service headless = chart.all(Service.class).stream()
                .filter(service -> "None".equals(service.getSpec().getClusterIP()))
                .findFirst()
                .orElseThrow();
        assertThat(statefulSet.getSpec().getServiceName())
                .isEqualTo(headless.getMetadata().getName());
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();

        Container container = container(statefulSet);
        int replicas = statefulSet.getSpec().getReplicas() == null
                ? 2
                : statefulSet.getSpec().getReplicas();
        var hosts = new HashSet<String>();
        var memberIds = new HashSet<String>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            var pod = Map.of(
                    "metadata.name",
                    statefulSet.getMetadata().getName() + "-" + ordinal,
                    "metadata.namespace",
                    RenderedChart.NAMESPACE);
            Map<String, String> env = RenderedChart.environmentOf(container, pod);
            hosts.add(env.get("STREAMSUITE_ADVERTISED_HOST"));
            memberIds.add(env.get("SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_INSTANCE_ID"));
            assertThat(env.get("STREAMSUITE_ADVERTISED_HOST"))
                    .isEqualTo(
                            "%s.%s.%s.svc.cluster.local",
                            pod.get("metadata.name"), headless.getMetadata().getName(), RenderedChart.NAMESPACE);
        }
        assertThat(hosts).hasSize(replicas).doesNotContainNull();
        assertThat(memberIds).hasSize(replicas).doesNotContainNull();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyEnvironmentVariableBindsToARealProperty(Scenario scenario) {
        var pod = scenario.render().statefulSet().getSpec().getTemplate().getSpec();
        var properties = ServiceProperties.of(scenario.service());
        for (Container container : allContainers(pod)) {
            assertThat(unboundVariables(container, properties))
                    .as(container.getName())
                    .isEmpty();
        }
    }

    private static List<String> unboundVariables(Container container, ServiceProperties properties) {
        var referenced = container.getEnv().stream()
                .map(EnvVar::getValue)
                .filter(value -> value != null)
                .flatMap(value ->
                        RenderedChart.REFERENCE.matcher(value).results().map(match -> match.group(1)))
                .collect(Collectors.toSet());

        return container.getEnv().stream()
                .map(EnvVar::getName)
                .filter(name -> !referenced.contains(name))
                .flatMap(name -> properties.problemWith(name).stream())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void anInitContainerArchivesTheClassesEveryStartOfThePodMaps(Scenario scenario) {
        PodSpec pod = scenario.render().statefulSet().getSpec().getTemplate().getSpec();
        Container service = pod.getContainers().get(0);
        assertThat(pod.getInitContainers()).hasSize(1);
        Container training = pod.getInitContainers().get(0);
        String archive = "/var/cache/streamsuite/app.jsa";

        assertThat(training.getImage()).isEqualTo(service.getImage());
        assertThat(training.getResources())
                .as("the same memory limit, hence the same heap, or the JVM refuses the archive")
                .isEqualTo(service.getResources());
        String options = byName(service.getEnv()).get("JAVA_TOOL_OPTIONS").getValue();
        assertThat(options).endsWith(" -XX:SharedArchiveFile=" + archive);
        String heap = options.substring(0, options.lastIndexOf(" -XX:SharedArchiveFile="));
        assertThat(byName(training.getEnv()).get("JAVA_TOOL_OPTIONS").getValue())
                .isEqualTo(heap + " -XX:ArchiveClassesAtExit=" + archive + " -Dspring.context.exit=onRefresh");
        assertThat(byName(training.getEnv())
                        .get("SPRING_KAFKA_ADMIN_AUTOCREATE")
                        .getValue())
                .as("the training start creates no topics")
                .isEqualTo("false");
        assertThat(String.join(" ", training.getCommand()))
                .as("the image's own start, which failing leaves the service to start without the archive")
                .contains("java -cp @/app/jib-classpath-file \"$(cat /app/jib-main-class-file)\" || ");

        var volume = pod.getVolumes().stream()
                .filter(candidate -> candidate.getName().equals("class-data"))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getEmptyDir())
                .as("kept across restarts of the container")
                .isNotNull();
        for (Container container : List.of(training, service)) {
            assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
                assertThat(mount.getName()).isEqualTo("class-data");
                assertThat(mount.getMountPath()).isEqualTo("/var/cache/streamsuite");
            });
        }
    }

    @Test
    void withoutClassDataSharingThePodStartsAsTheImageDoes() {
        var chart = RenderedChart.render(
                "streamsuite", RenderedChart.serviceValues("fraud-detector"), Map.of("jvm.classDataSharing", false));
        PodSpec pod = chart.statefulSet().getSpec().getTemplate().getSpec();

        assertThat(pod.getInitContainers()).isEmpty();
        assertThat(pod.getVolumes()).noneMatch(volume -> volume.getName().equals("class-data"));
        assertThat(byName(pod.getContainers().get(0).getEnv())
                        .get("JAVA_TOOL_OPTIONS")
                        .getValue())
                .doesNotContain("SharedArchiveFile");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void probesUseTheActuatorGroupsOnTheServicePort(Scenario scenario) {
        Container container = container(scenario.render().statefulSet());

        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        Stream.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())
                .forEach(probe ->
                        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http"));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void podsGetLongerToStopThanTheStreamsTakeToClose(Scenario scenario) {
        StatefulSet statefulSet = scenario.render().statefulSet();
        String closeTimeout =
                RenderedChart.environmentOf(container(statefulSet), Map.of()).get("STREAMSUITE_STREAMS_CLOSETIMEOUT");

        assertThat(closeTimeout).matches("[0-9]+s");
        assertThat(statefulSet.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(Long.parseLong(closeTimeout.replace("s", "")));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void stateIsPersistentAndDisruptionsAndPlacementAreBounded(Scenario scenario) {
        var chart = scenario.render();
        StatefulSet statefulSet = chart.statefulSet();

        assertThat(statefulSet.getSpec().getVolumeClaimTemplates())
                .singleElement()
                .satisfies(claim -> assertThat(claim.getMetadata().getName()).isEqualTo("state"));
        assertThat(container(statefulSet).getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/var/lib/streamsuite"))
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        assertThat(chart.one(PodDisruptionBudget.class)
                        .getSpec()
                        .getMaxUnavailable()
                        .getIntVal())
                .isEqualTo(1);
        assertThat(statefulSet.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                .isNotEmpty();
        assertThat(container(statefulSet).getResources().getLimits()).containsKey("memory");
    }

    /**
     * Every service's pod gets the memory the tests and the benchmark start the services with
     * ({@link ServiceProcess#POD_MEMORY_MIB}, {@link ServiceProcess#POD_JVM_OPTIONS}): the RSS
     * in BENCHMARKS.md is that of the pod as deployed.
     */
    @ParameterizedTest
    @MethodSource("scenarios")
    void thePodHasTheMemoryTheBenchmarkMeasured(Scenario scenario) {
        Container service = container(scenario.render().statefulSet());

        assertThat(service.getResources().getLimits().get("memory").toString())
                .isEqualTo(ServiceProcess.POD_MEMORY_MIB + "Mi");
        assertThat(service.getResources().getRequests().get("memory"))
                .as("requested as much as the limit: the pod is not evicted for using what it may")
                .isEqualTo(service.getResources().getLimits().get("memory"));
        assertThat(List.of(byName(service.getEnv())
                        .get("JAVA_TOOL_OPTIONS")
                        .getValue()
                        .split(" ")))
                .containsAll(ServiceProcess.POD_JVM_OPTIONS);
    }

    @Test
    void theNetworkPolicyLetsThroughOnlyBrokersRegistryDnsTheReleaseAndPrometheus() {
        var chart = scenario("ci/sasl-scram-values.yaml").render();
        NetworkPolicy policy = chart.one(NetworkPolicy.class);

        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        var egress = policy.getSpec().getEgress();
        assertThat(egress).hasSize(4);
        assertThat(egress.get(0).getTo().get(0).getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "kafka");
        assertThat(egress.get(0).getPorts().get(0).getPort().getIntVal()).isEqualTo(9093);
        assertThat(egress.get(1).getTo().get(0).getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "registry");
        assertThat(egress.get(3).getPorts())
                .allSatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53));
        var ingress = policy.getSpec().getIngress();
        assertThat(ingress).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).hasSize(2);
            assertThat(rule.getFrom().get(0).getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/instance", "streamsuite");
            assertThat(rule.getFrom().get(1).getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring");
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
        });
    }

    @Test
    void kafkaCredentialsComeFromSecretsAndNeverAppearInTheManifests() {
        Container sasl =
                container(scenario("ci/sasl-scram-values.yaml").render().statefulSet());
        Map<String, EnvVar> saslEnv = byName(sasl.getEnv());
        assertThat(saslEnv.get("KAFKA_SASL_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo("iot-aggregator-kafka-user");
        assertThat(saslEnv.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").getValue())
                .contains("password=\"$(KAFKA_SASL_PASSWORD)\"");
        assertThat(saslEnv.get("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL").getValue())
                .isEqualTo("SASL_SSL");
        assertThat(saslEnv.get("STREAMSUITE_REGISTRY_PROPERTIES_APICURIO_AUTH_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo("iot-aggregator-registry-user");

        var mtls = scenario("ci/mtls-values.yaml").render().statefulSet();
        Map<String, EnvVar> mtlsEnv = byName(container(mtls).getEnv());
        assertThat(mtlsEnv.get("SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo("clickstream-recommender-kafka-user");
        assertThat(mtls.getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(volume -> assertThat(volume.getSecret()).isNotNull().satisfies(secret -> assertThat(
                                secret.getSecretName())
                        .isEqualTo("clickstream-recommender-kafka-user")));
        for (Container container : List.of(sasl, container(mtls))) {
            assertThat(container.getEnv()).allSatisfy(env -> assertThat(String.valueOf(env.getValue()))
                    .doesNotContainIgnoringCase("secret"));
        }
    }

    @Test
    void kedaNeverScalesBeyondTheInputPartitions() {
        var scaledObject = scenario("ci/sasl-scram-values.yaml").render().custom("ScaledObject");
        Map<String, Object> spec = scaledObject.get("spec");

        assertThat(spec).containsEntry("maxReplicaCount", 6).containsEntry("minReplicaCount", 2);
        assertThat(spec.toString()).contains("stabilizationWindowSeconds=600");
        assertThat(scaledObject.toString()).contains("iot.sensor-readings.v1");
    }

    @Test
    void monitoringShipsTheRepositorysAlertRulesAndDashboards() {
        var chart = scenario("ci/sasl-scram-values.yaml").render();

        Map<String, Object> ruleSpec = chart.custom("PrometheusRule").get("spec");
        assertThat((List<?>) ruleSpec.get("groups")).isNotEmpty();
        var dashboards = chart.all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().endsWith("-dashboards"))
                .findFirst()
                .orElseThrow();
        assertThat(dashboards.getData()).containsKeys("streamsuite-overview.json", "fraud-detector.json");
        var serviceMonitor = chart.custom("ServiceMonitor");
        assertThat(serviceMonitor.toString()).contains("/actuator/prometheus");
        Map<String, Object> selector = serviceMonitor.get("spec", "selector", "matchLabels");
        assertThat(chart.all(Service.class))
                .as("Services the ServiceMonitor scrapes: one, or every pod is scraped twice")
                .filteredOn(
                        service -> service.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .hasSize(1);
    }

    static Stream<Map<String, Object>> badValues() {
        return Stream.of(
                Map.of("replica", 3),
                Map.of("service", "payments"),
                Map.of("replicas", 0),
                Map.of("kafka.securityProtocol", "SASL_PLAINTEXT"),
                Map.of("kafka.bootstrapServers", "kafka"),
                Map.of("registry.url", "apicurio:8080"),
                Map.of("image.pullPolicy", "Sometimes"),
                Map.of("env.fraud_velocity", "5"),
                Map.of("streams.terminationGraceExtraSeconds", 0),
                Map.of("resources.limits.memory", "lots"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void theSchemaRejectsBadValues(Map<String, Object> bad) {
        assertThatThrownBy(
                        () -> RenderedChart.render("streamsuite", RenderedChart.serviceValues("fraud-detector"), bad))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    @Test
    void theKafkaUserIsTheSecretThePodsLogInWith() {
        var chart = RenderedChart.render(
                "fraud-detector",
                RenderedChart.serviceValues("fraud-detector"),
                Map.of(
                        "kafka.securityProtocol", "SASL_SSL",
                        "kafkaUser.enabled", "true",
                        "kafkaUser.cluster", "my-cluster"));
        var user = chart.custom("KafkaUser");
        assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "my-cluster");
        assertThat((String) user.get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
        Map<String, EnvVar> env = byName(container(chart.statefulSet()).getEnv());
        assertThat(env.get("KAFKA_SASL_USERNAME").getValue())
                .isEqualTo(user.getMetadata().getName());
        assertThat(env.get("KAFKA_SASL_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo(user.getMetadata().getName());

        assertThatThrownBy(() -> RenderedChart.render(
                        "fraud-detector",
                        RenderedChart.serviceValues("fraud-detector"),
                        Map.of("kafkaUser.enabled", "true", "kafkaUser.cluster", "my-cluster")))
                .hasMessageContaining("a PLAINTEXT client has no principal");
        assertThatThrownBy(() -> RenderedChart.render(
                        "fraud-detector",
                        RenderedChart.serviceValues("fraud-detector"),
                        Map.of("kafka.securityProtocol", "SASL_SSL", "kafkaUser.enabled", "true")))
                .hasMessageContaining("kafkaUser.cluster");
    }

    @Test
    void aMissingRequiredSettingSaysWhatToSet() {
        assertThatThrownBy(() -> RenderedChart.render("streamsuite", List.of(), Map.of()))
                .hasMessageContaining("/service")
                .hasMessageContaining("fraud-detector");
        assertThatThrownBy(() -> RenderedChart.render(
                        "streamsuite", List.of(RepositoryFiles.path("helm/values/fraud-detector.yaml")), Map.of()))
                .hasMessageContaining("Set kafka.bootstrapServers");
        assertThatThrownBy(() -> RenderedChart.render(
                        "streamsuite",
                        RenderedChart.serviceValues("fraud-detector"),
                        Map.of("kafka.securityProtocol", "SASL_SSL")))
                .hasMessageContaining("kafka.sasl.existingSecret");
        assertThatThrownBy(() -> RenderedChart.render(
                        "streamsuite",
                        List.of(RepositoryFiles.path("helm/values/fraud-detector.yaml")),
                        Map.of("kafka.bootstrapServers", "kafka:9092", "registry.url", "http://apicurio:8080")))
                .as("an empty peer list would let the pods reach anything")
                .hasMessageContaining("Set networkPolicy.kafka.peers");
        assertThatThrownBy(() -> RenderedChart.render(
                        "streamsuite",
                        List.of(RepositoryFiles.chart().resolve("ci/mtls-values.yaml")),
                        Map.of("autoscaling.enabled", true, "inputTopic", "clickstream.clicks.v1")))
                .hasMessageContaining("autoscaling with kafka.securityProtocol SSL");
    }

    private static Scenario scenario(String name) {
        try (var all = scenarios()) {
            return all.filter(scenario -> scenario.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Container container(StatefulSet statefulSet) {
        return statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The pod's init containers, then its containers. */
    private static List<Container> allContainers(PodSpec pod) {
        return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                .toList();
    }

    private static Map<String, EnvVar> byName(List<EnvVar> env) {
        return env.stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }
}
