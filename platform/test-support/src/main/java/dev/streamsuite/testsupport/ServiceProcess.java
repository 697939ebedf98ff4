package dev.streamsuite.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service as it runs in its container: its own {@code -exec} jar, unpacked and with its
 * class-data-sharing archive as the Helm chart starts it ({@link ClassDataSharing}), in a separate
 * JVM, configured only by environment variables. Stopped with SIGTERM, as Kubernetes stops a pod.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The memory limit of the Helm chart's default pod ({@code resources.limits.memory}), in MiB. */
    public static final int POD_MEMORY_MIB = 640;

    /** The share of it the heap may take ({@code -XX:MaxRAMPercentage}). */
    public static final int POD_HEAP_PERCENT = 40;

    /** The heap's cap in the default pod, in MiB. */
    public static final int POD_HEAP_MIB = POD_MEMORY_MIB * POD_HEAP_PERCENT / 100;

    /**
     * The JVM options of the default pod that size its memory and its own threads ({@code
     * jvm.options}, also the image's {@code JAVA_TOOL_OPTIONS}): the heap a share of the memory
     * limit; the serial collector, which commits only the heap the service needs where G1 grew it
     * to its cap under load (docs/benchmarks/findings.md: 50-105 MiB less RSS, at throughputs within
     * the benchmark's round-to-round spread), and is what the JVM picks in a container under 1.8 GiB
     * anyway, named so a larger pod keeps it; the JVM's compiler threads sized for
     * 2 CPUs, as on this machine, whatever the node has (each takes memory); and the C heap trimmed
     * every 10 s: glibc keeps what RocksDB and the JVM freed in its arenas, and iot-aggregator with a
     * million devices held 20-38 MiB of it (its RSS in the scale check 526 MiB without, 504 with).
     */
    public static final List<String> POD_JVM_OPTIONS = List.of(
            "-XX:MaxRAMPercentage=" + POD_HEAP_PERCENT + ".0",
            "-XX:ActiveProcessorCount=2",
            "-XX:+UseSerialGC",
            "-XX:TrimNativeHeapInterval=10000");

    /**
     * What the JVM sees in the default pod: {@code MaxRAM} stands for the container's memory limit,
     * so a service started here sizes its heap ({@link #POD_HEAP_MIB}) and picks its collector as
     * deployed, and tests and the benchmark measure what runs in production.
     */
    public static final List<String> JVM_OPTIONS = jvmOptions(POD_JVM_OPTIONS);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String service, Process process, int port, Path log) {
        this.service = service;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code service}'s jar from {@code repository}/{@code service}/target, with
     * {@code environment} and {@code SERVER_PORT=port}; its output goes to target/services/.
     */
    public static ServiceProcess start(Path repository, String service, Map<String, String> environment, int port)
            throws IOException {
        return start(repository, service, environment, port, POD_JVM_OPTIONS);
    }

    /**
     * The same, in a pod whose JVM options are {@code podJvmOptions} instead of {@link
     * #POD_JVM_OPTIONS} (e.g. another collector, to compare the two in one benchmark run).
     */
    public static ServiceProcess start(
            Path repository, String service, Map<String, String> environment, int port, List<String> podJvmOptions)
            throws IOException {
        Path jar = repository.resolve(service).resolve("target/" + service + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build the services first (./mvnw package)");
        }
        Path log = Path.of("target/services/" + service + "-" + port + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = new ArrayList<>(List.of(java.toString()));
        var jvmOptions = jvmOptions(podJvmOptions);
        command.addAll(jvmOptions);
        command.addAll(ClassDataSharing.launch(java, jar, jvmOptions));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(service, builder.start(), port, log);
    }

    private static List<String> jvmOptions(List<String> podJvmOptions) {
        return Stream.concat(Stream.of("-XX:MaxRAM=" + POD_MEMORY_MIB + "m"), podJvmOptions.stream())
                .toList();
    }

    /**
     * Waits until {@code path} answers 200 (e.g. a health group); a process that does not get
     * there is stopped, so it never outlives the test.
     */
    public ServiceProcess awaitOk(String path, Duration atMost) throws InterruptedException {
        try {
            org.awaitility.Awaitility.await(service + " " + path)
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> status(path) == 200);
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The HTTP status of {@code path}, or -1 while nothing answers. */
    public int status(String path) {
        return get(path).map(HttpResponse::statusCode).orElse(-1);
    }

    /** The body of {@code path}, or empty while nothing answers. */
    public String body(String path) {
        return get(path).map(HttpResponse::body).orElse("");
    }

    /** The process id, e.g. to read its memory from /proc. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    private Optional<HttpResponse<String>> get(String path) {
        if (!process.isAlive()) {
            throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            return Optional.of(HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no commit, no leaving the group. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** {@code kill -STOP}: the JVM freezes, heartbeats and all, as under a long GC pause or a stalled VM. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** {@code kill -CONT}: the frozen JVM resumes where it stopped. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " of " + this + " failed");
        }
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(60));
    }

    @Override
    public String toString() {
        return service + " on port " + port;
    }
}
