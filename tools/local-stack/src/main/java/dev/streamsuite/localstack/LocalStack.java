package dev.streamsuite.localstack;

import static java.util.concurrent.TimeUnit.SECONDS;

import dev.streamsuite.streams.CatalogTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * The whole suite on 127.0.0.1: a KRaft broker and the Apicurio registry as child processes,
 * the catalog's topics, the three services as separate processes (their own jars, as in
 * containers), the simulator and the live view. Ctrl-C (or {@link #close()}) stops all of it.
 */
public final class LocalStack implements AutoCloseable {

    static final List<String> SERVICES = CatalogTopics.SERVICES;
    private static final String APICURIO_RUNNER = "apicurio-registry-app-2.6.13.Final-runner.jar";
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final StackOptions options;
    private final List<ManagedProcess> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean closed;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LiveView view;
    private SimulatorRunner simulator;

    LocalStack(StackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        var stack = new LocalStack(options);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping the local stack ...");
                            stack.close();
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("\nThe local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printWhereToLook();
        stopped.await();
    }

    /** Starts everything, in dependency order; each step waits until its part answers. */
    public void start() throws IOException {
        checkPortsAreFree();
        Files.createDirectories(options.workDir().resolve("logs"));
        startBroker();
        startRegistry();
        createTopics();
        for (int i = 0; i < SERVICES.size(); i++) {
            startService(SERVICES.get(i), servicePorts().get(i));
        }
        for (int i = 0; i < SERVICES.size(); i++) {
            String service = SERVICES.get(i);
            int port = servicePorts().get(i);
            awaitUp(
                    service + " readiness",
                    Duration.ofMinutes(3),
                    () -> status(port, "/actuator/health/readiness") == 200);
        }
        view = LiveView.start(options);
        if (options.simulatorRate() > 0) {
            simulator = SimulatorRunner.start(options);
        }
    }

    public String viewUrl() {
        return "http://localhost:" + options.viewPort() + "/";
    }

    void printWhereToLook() {
        System.out.printf(
                """

                streamsuite is running. Ctrl-C stops everything.

                  live view          %s
                  fraud-detector     http://localhost:%d/actuator/health
                  iot-aggregator     http://localhost:%d/devices/<id>/latest
                  recommender        http://localhost:%d/trending
                  Kafka              %s
                  schema registry    http://127.0.0.1:%d/apis/ccompat/v7 (Confluent-compatible)
                  logs               %s
                """,
                viewUrl(),
                options.fraudPort(),
                options.iotPort(),
                options.clickPort(),
                options.bootstrapServers(),
                options.registryPort(),
                options.workDir().resolve("logs"));
    }

    private List<Integer> servicePorts() {
        return List.of(options.fraudPort(), options.iotPort(), options.clickPort());
    }

    private void checkPortsAreFree() {
        for (var port : options.ports().entrySet()) {
            try (var socket = new ServerSocket(port.getValue(), 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port.getValue() + " for the " + port.getKey()
                        + " is in use. Stop what uses it, or choose another port with the option named.");
            }
        }
    }

    private void startBroker() throws IOException {
        Path dir = options.workDir().resolve("kafka");
        Path data = dir.resolve("data");
        Files.createDirectories(dir);
        Path config = dir.resolve("server.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "listeners=PLAINTEXT://127.0.0.1:" + options.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                                + options.controllerPort(),
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + options.kafkaPort(),
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "controller.quorum.bootstrap.servers=127.0.0.1:" + options.controllerPort(),
                        "log.dirs=" + data,
                        "num.partitions=1",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=false",
                        ""));
        // A fresh broker each start: the stack is for trying things out, not for keeping data.
        deleteRecursively(data);
        String classpath = brokerClasspath();
        ManagedProcess.run(
                "kafka-storage-format",
                List.of(
                        java(),
                        "-cp",
                        classpath,
                        "kafka.tools.StorageTool",
                        "format",
                        "--standalone",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        config.toString()),
                log("kafka-storage"),
                120);
        register(ManagedProcess.start(
                "kafka",
                List.of(java(), "-Xmx1g", "-cp", classpath, "kafka.Kafka", config.toString()),
                Map.of(),
                log("kafka")));
        awaitUp("Kafka broker", Duration.ofMinutes(2), this::brokerAnswers);
    }

    private void startRegistry() {
        Path runner = options.root()
                .resolve("tools/local-stack/target/apicurio-registry")
                .resolve(APICURIO_RUNNER);
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("The schema registry is not unpacked at " + runner
                    + ". Build first: ./mvnw -DskipTests install (tools/local-stack/run does it).");
        }
        register(ManagedProcess.start(
                "registry",
                List.of(java(), "-Xmx512m", "-jar", runner.toString()),
                Map.of("QUARKUS_HTTP_HOST", "127.0.0.1", "QUARKUS_HTTP_PORT", Integer.toString(options.registryPort())),
                log("registry")));
        awaitUp(
                "schema registry",
                Duration.ofMinutes(2),
                () -> status(options.registryPort(), "/apis/ccompat/v7/subjects") == 200);
    }

    private void createTopics() {
        try (var admin = admin()) {
            CatalogTopics.create(admin, CatalogTopics.all((short) 1));
        }
    }

    private void startService(String service, int port) throws IOException {
        Path jar = options.root().resolve(service).resolve("target").resolve(service + "-" + VERSION + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    service + " is not built (" + jar + "). Build first: ./mvnw -DskipTests install.");
        }
        Path state = options.workDir().resolve("state").resolve(service);
        deleteRecursively(state);
        Files.createDirectories(state);
        register(ManagedProcess.start(
                service,
                List.of(java(), "-Xmx512m", "-jar", jar.toString()),
                Map.of(
                        "SERVER_PORT", Integer.toString(port),
                        "SERVER_ADDRESS", "127.0.0.1",
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", options.bootstrapServers(),
                        "STREAMSUITE_REGISTRY_URL", options.registryUrl(),
                        "STREAMSUITE_ADVERTISED_HOST", "127.0.0.1",
                        "SPRING_KAFKA_STREAMS_STATE_DIR", state.toString()),
                log(service)));
    }

    private boolean brokerAnswers() {
        try (var admin = admin()) {
            admin.describeCluster().nodes().get(5, SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    private int status(int port, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits for a part of the stack, failing fast with its log if one of the processes died. */
    private void awaitUp(String what, Duration atMost, BooleanSupplier up) {
        System.out.println("Waiting for " + what + " ...");
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (up.getAsBoolean()) {
                return;
            }
            for (var process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.name() + " exited; see " + process.log());
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException(what + " did not come up within " + atMost.toSeconds() + " s; logs in "
                + options.workDir().resolve("logs"));
    }

    /** Keeps a started process for shutdown; one started while the stack is closing is stopped at once. */
    private synchronized void register(ManagedProcess process) {
        if (closed) {
            process.close();
            throw new IllegalStateException("The local stack is stopping");
        }
        processes.add(process);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
        if (view != null) {
            view.close();
            view = null;
        }
        // Services first, then the registry, then the broker they all depend on.
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        processes.clear();
    }

    private Path log(String name) {
        return options.workDir().resolve("logs").resolve(name + ".log");
    }

    private String brokerClasspath() throws IOException {
        Path file = options.root().resolve("tools/local-stack/target/classpath.txt");
        if (!Files.isRegularFile(file)) {
            return System.getProperty("java.class.path");
        }
        // target/classes first: its logback.xml keeps the broker's log at INFO.
        return options.root().resolve("tools/local-stack/target/classes")
                + java.io.File.pathSeparator
                + Files.readString(file).trim();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
