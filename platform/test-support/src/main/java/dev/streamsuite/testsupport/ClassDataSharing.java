package dev.streamsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's jar prepared to start as its pod starts it (docs/deployment and the Helm chart's
 * {@code jvm.classDataSharing}): unpacked, classes and libraries on the class path as in its
 * image, and with a class-data-sharing archive of the classes a start loads, made by a training
 * start that refreshes the application context without reaching Kafka or the registry and exits.
 * The JVM then maps those classes instead of loading and verifying them one by one, which halves
 * the start on a busy node. Made once per build of the jar and set of JVM options, under {@code
 * target/cds-<hash of the options>/}, so that runs alternating two sets (a benchmark comparing
 * collectors) do not train again on every start.
 */
final class ClassDataSharing {

    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

    private ClassDataSharing() {}

    /**
     * The {@code java} arguments, after {@code jvmOptions}, that start {@code jar} with its
     * archive. The archive is made with the same options (as the chart's init container is), and
     * made again when they change.
     */
    static synchronized List<String> launch(Path java, Path jar, List<String> jvmOptions) {
        Path directory = jar.resolveSibling("cds-" + Integer.toHexString(jvmOptions.hashCode()));
        Path unpacked = directory.resolve(jar.getFileName());
        Path archive = directory.resolve("app.jsa");
        Path trainedWith = directory.resolve("jvm-options.txt");
        String options = String.join(" ", jvmOptions);
        try {
            if (!Files.isRegularFile(archive)
                    || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0
                    || !Files.isRegularFile(trainedWith)
                    || !options.equals(Files.readString(trainedWith))) {
                delete(directory);
                run(
                        directory.resolveSibling("cds-unpack.log"),
                        List.of(
                                java.toString(),
                                "-Djarmode=tools",
                                "-jar",
                                jar.toString(),
                                "extract",
                                "--destination",
                                directory.toString()),
                        Map.of());
                train(java, jvmOptions, unpacked, archive);
                Files.writeString(trainedWith, options);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + jar + " for a fast start", e);
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-jar", unpacked.toString());
    }

    private static void train(Path java, List<String> jvmOptions, Path unpacked, Path archive) throws IOException {
        var command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", unpacked.toString()));
        int closed = closedPort();
        run(
                archive.resolveSibling("training.log"),
                command,
                Map.of(
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                        "127.0.0.1:" + closed,
                        "SPRING_KAFKA_ADMIN_AUTOCREATE",
                        "false",
                        "STREAMSUITE_REGISTRY_URL",
                        "http://127.0.0.1:" + closed + "/apis/registry/v2",
                        "SERVER_PORT",
                        "0"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException(
                    "The training start wrote no archive; see " + archive.resolveSibling("training.log"));
        }
    }

    private static void run(Path log, List<String> command, Map<String, String> environment) throws IOException {
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            ChildProcesses.stop(process, Duration.ofSeconds(10));
        }
    }

    /** A port nothing listens on, so the training start's clients fail at once. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
