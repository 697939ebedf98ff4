package dev.streamsuite.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in a JVM of its own, for what an in-process broker cannot do: be
 * restarted under running clients, or listen with TLS and SASL. Its data stays across
 * {@link #restart()}; {@link #close()} stops it (SIGTERM, then SIGKILL).
 */
public final class BrokerProcess implements AutoCloseable {

    /**
     * Loopback ports chosen when the broker is created: clients', the controller's, and a spare
     * one for a separate inter-broker listener.
     */
    public record Ports(int client, int controller, int internal) {}

    private final Path config;
    private final Path log;
    private final String bootstrapServers;
    private final Map<String, Object> clientProperties;
    private Process process;

    private BrokerProcess(Path config, Path log, String bootstrapServers, Map<String, Object> clientProperties) {
        this.config = config;
        this.log = log;
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = clientProperties;
    }

    /** A PLAINTEXT broker, for fault tests. */
    public static BrokerProcess plaintext(Path directory) {
        return start(directory, ports -> Map.of(), List.of(), Map.of());
    }

    /**
     * A broker whose configuration is the defaults below overridden by {@code settings} (e.g. the
     * listeners of a secured broker); {@code formatArguments} go to {@code kafka-storage format}
     * (e.g. {@code --add-scram}), and {@code adminProperties} are what an administrator's client
     * needs besides the bootstrap servers.
     */
    public static BrokerProcess start(
            Path directory,
            Function<Ports, Map<String, String>> settings,
            List<String> formatArguments,
            Map<String, Object> adminProperties) {
        var ports = new Ports(LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free());
        var properties = new LinkedHashMap<String, String>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + ports.client() + ",CONTROLLER://127.0.0.1:" + ports.controller());
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.client());
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + ports.controller());
        properties.put("log.dirs", directory.resolve("data").toAbsolutePath().toString());
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "false");
        properties.putAll(settings.apply(ports));
        try {
            Files.createDirectories(directory);
            Path config = directory.resolve("server.properties").toAbsolutePath();
            Files.writeString(
                    config,
                    properties.entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue())
                            .collect(Collectors.joining("\n", "", "\n")));
            var format = new ArrayList<>(List.of(
                    "kafka.tools.StorageTool",
                    "format",
                    "--standalone",
                    "-t",
                    Uuid.randomUuid().toString(),
                    "-c",
                    config.toString()));
            format.addAll(formatArguments);
            Path formatLog = directory.resolve("format.log").toAbsolutePath();
            var formatting = java(format).redirectOutput(formatLog.toFile()).start();
            if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("Formatting the broker's storage failed; see " + formatLog);
            }
            var clientProperties = new HashMap<String, Object>(adminProperties);
            clientProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.client());
            var broker = new BrokerProcess(
                    config,
                    directory.resolve("broker.log").toAbsolutePath(),
                    "127.0.0.1:" + ports.client(),
                    Map.copyOf(clientProperties));
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** An administrator's client (the super user on a secured broker). */
    public Admin admin() {
        return Admin.create(clientProperties);
    }

    /** Stops the broker as an operator would (SIGTERM: a controlled shutdown), then starts it again. */
    public void restart() {
        stop();
        launch();
    }

    public Path log() {
        return log;
    }

    /** The broker's process id, e.g. to read its CPU time; it changes with {@link #restart()}. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        try {
            process = java(List.of("-Xmx512m", "kafka.Kafka", config.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the broker", e);
        }
        try (var admin = admin()) {
            await("the broker of " + config + " to answer (log: " + log + ")")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .failFast("the broker exited; see " + log, () -> !process.isAlive())
                    .until(() -> !admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty());
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    private void stop() {
        if (process != null) {
            ChildProcesses.stop(process, Duration.ofSeconds(60));
        }
    }

    /** The broker runs from this JVM's classpath, which holds Kafka's server jars. */
    private static ProcessBuilder java(List<String> arguments) {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
