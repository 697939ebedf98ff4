package dev.streamsuite.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsuite.testsupport.LoopbackPorts;
import dev.streamsuite.testsupport.ServiceProcess;
import dev.streamsuite.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a service as an orchestrator runs it: a process started, killed and started
 * again under one identity and state directory (a StatefulSet pod and its volume).
 */
final class Member {

    private static final Duration START = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final String id;
    private final Map<String, String> environment;
    private final List<Path> logs = new ArrayList<>();
    private ServiceProcess process;

    /** {@code settings} add to or override the shared registry's and the state directory's environment. */
    Member(TestInfrastructure infrastructure, String service, String id, Path state, Map<String, String> settings)
            throws Exception {
        this.service = service;
        this.id = id;
        var environment = new HashMap<>(infrastructure.serviceEnvironment(Files.createDirectories(state)));
        environment.putAll(settings);
        this.environment = Map.copyOf(environment);
    }

    String id() {
        return id;
    }

    ServiceProcess process() {
        return process;
    }

    /** Every log this member wrote, one per start. */
    List<Path> logs() {
        return logs;
    }

    /** Starts the process and waits until it is ready (its streams RUNNING). */
    void start() throws Exception {
        process = ServiceProcess.start(
                Path.of("").toAbsolutePath().getParent(), service, environment, LoopbackPorts.free());
        logs.add(process.log());
        awaitReady();
    }

    void awaitReady() throws InterruptedException {
        process.awaitOk("/actuator/health/readiness", START);
    }

    /** The heap in use now, as the service's own metrics report it. */
    long heapUsedMiB() throws Exception {
        var body = JSON.readTree(process.body("/actuator/metrics/jvm.memory.used?tag=area:heap"));
        return (long) (body.path("measurements").path(0).path("value").asDouble() / (1024 * 1024));
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
