package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.testsupport.ServiceProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** docker-compose.yml starts the suite in order and configures the services with real settings. */
class ComposeFileTest {

    static final List<String> SERVICES = ComposeFile.SERVICES;

    private final ComposeFile compose = ComposeFile.read();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyEnvironmentVariableOfAServiceBindsToOneOfItsProperties(String service) {
        var properties = ServiceProperties.of(service);

        assertThat(compose.environment(service).keySet()).isNotEmpty().allSatisfy(variable -> assertThat(
                        properties.problemWith(variable))
                .isEmpty());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aServiceRunsTheImageJibBuildsAndIsHealthyOnlyWhenItsStreamsRun(String service) {
        assertThat(compose.image(service)).isEqualTo("streamsuite/" + service + ":0.1.0-SNAPSHOT");
        assertThat(compose.environment(service))
                .containsEntry("STREAMSUITE_ADVERTISED_HOST", service)
                .containsEntry("SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_INSTANCE_ID", service)
                .containsEntry("STREAMSUITE_TOPICS_CREATE", "false");
        assertThat(compose.service(service).get("ports")).asList().containsExactly(port(service) + ":8080");
        // The status line, not the body: a 503 body still lists components that are "UP".
        assertThat(healthcheck(service))
                .contains("/dev/tcp/127.0.0.1/8080", "/actuator/health/readiness", "head -n 1", "' 200 '");
        assertThat(compose.environment(service)
                        .get("SPRING_KAFKA_STREAMS_STATEDIR")
                        .toString())
                .as("the state directory the images make writable for their non-root user")
                .startsWith("/var/lib/streamsuite/");
        assertThat(compose.service(service)).containsEntry("read_only", true);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aServiceHasThePodsMemoryAndJvmOptions(String service) {
        assertThat(compose.service(service)).containsEntry("mem_limit", ServiceProcess.POD_MEMORY_MIB + "m");
        assertThat(List.of(compose.environment(service)
                        .get("JAVA_TOOL_OPTIONS")
                        .toString()
                        .split(" ")))
                .containsAll(ServiceProcess.POD_JVM_OPTIONS);
    }

    @Test
    void everythingStartsInOrderOnHealthChecks() {
        compose.services().forEach((name, service) -> {
            @SuppressWarnings("unchecked")
            var dependencies = (Map<String, Map<String, Object>>) service.getOrDefault("depends_on", Map.of());
            dependencies.forEach((dependency, condition) -> {
                assertThat(compose.services()).as("%s depends on", name).containsKey(dependency);
                String expected = dependency.equals("topics") ? "service_completed_successfully" : "service_healthy";
                assertThat(condition).as("%s → %s", name, dependency).containsEntry("condition", expected);
                if (expected.equals("service_healthy")) {
                    assertThat(compose.service(dependency)).as(dependency).containsKey("healthcheck");
                }
            });
        });
        assertThat(compose.service("fraud-detector").get("depends_on").toString())
                .contains("topics", "registry");
    }

    @Test
    void topicsAreCreatedFromTheCatalogByAServiceImage() throws ReflectiveOperationException {
        var topics = compose.service("topics");

        assertThat(topics.get("entrypoint")).asList().last().isEqualTo("dev.streamsuite.streams.CatalogTopics");
        Class.forName("dev.streamsuite.streams.CatalogTopics").getMethod("main", String[].class);
        assertThat(compose.image("topics")).isEqualTo(compose.image("fraud-detector"));
    }

    @Test
    void theSimulatorIsAnOptionalProfileAndMonitoringUsesTheRepositorysFiles() {
        assertThat(compose.service("simulator").get("profiles")).asList().containsExactly("simulator");
        assertThat(compose.service("kafka-ui").toString()).contains("/apis/ccompat/v7");
        for (String service : List.of("prometheus", "grafana")) {
            @SuppressWarnings("unchecked")
            var volumes = (List<String>) compose.service(service).get("volumes");
            assertThat(volumes)
                    .allSatisfy(volume -> assertThat(RepositoryFiles.path(volume.substring(2, volume.indexOf(':'))))
                            .exists());
        }
        assertThat(compose.service("grafana").get("volumes").toString())
                .contains("./helm/streamsuite/files/dashboards");
        assertThat(compose.service("prometheus").get("volumes").toString()).contains("./helm/streamsuite/files/alerts");
    }

    private String healthcheck(String service) {
        @SuppressWarnings("unchecked")
        var check = (Map<String, Object>) compose.service(service).get("healthcheck");
        return String.valueOf(check.get("test"));
    }

    private static int port(String service) {
        return 8091 + SERVICES.indexOf(service);
    }
}
