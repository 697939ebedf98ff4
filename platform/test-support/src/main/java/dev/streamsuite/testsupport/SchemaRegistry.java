package dev.streamsuite.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry server, run as a child process from the tarball that the Maven
 * build unpacks (see the {@code unpack-apicurio-registry} execution in the parent pom).
 */
public final class SchemaRegistry implements AutoCloseable {

    public static final String HOME_PROPERTY = "streamsuite.apicurio.home";
    public static final String VERSION = "2.6.13.Final";
    private static final String RUNNER = "apicurio-registry-app-" + VERSION + "-runner.jar";
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);

    private final Process process;
    private final int port;
    private final Path logFile;

    private SchemaRegistry(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts the registry from {@value #HOME_PROPERTY} on a free loopback port; in-memory storage. */
    public static SchemaRegistry start() {
        Path home = home();
        int port = LoopbackPorts.free();
        Path logFile = home.resolveSibling("apicurio-registry-" + port + ".log");
        var command = List.of(
                javaExecutable(), "-Xmx512m", "-jar", home.resolve(RUNNER).toString());
        var builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_PROFILE", "prod");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Apicurio Registry: " + command, e);
        }
        var registry = new SchemaRegistry(process, port, logFile);
        try {
            registry.awaitReady();
        } catch (RuntimeException e) {
            registry.close();
            throw new IllegalStateException(
                    "Apicurio Registry did not become ready on port " + port + "; its log: " + logFile, e);
        }
        log.info("Apicurio Registry ready at {} (log: {})", registry.baseUrl(), logFile);
        return registry;
    }

    private static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured == null || !Files.isRegularFile(Path.of(configured, RUNNER))) {
            throw new IllegalStateException("Apicurio Registry is not unpacked at " + configured
                    + ". Run integration tests through Maven (./mvnw verify), which unpacks it, or set -D"
                    + HOME_PROPERTY + " to a folder holding " + RUNNER + ".");
        }
        return Path.of(configured).toAbsolutePath();
    }

    private void awaitReady() {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var probe = HttpRequest.newBuilder(URI.create(confluentCompatibleUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5))
                .build();
        await("Apicurio Registry on port " + port)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("process exited with " + process.exitValue());
                    }
                    return client.send(probe, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The native v2 API, used by the Apicurio serdes ({@code apicurio.registry.url}). */
    public String registryApiUrl() {
        return baseUrl() + "/apis/registry/v2";
    }

    /** The Confluent Schema Registry compatible API, used by producers in any language. */
    public String confluentCompatibleUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
