package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs npm and node for the tests of what users run outside the JVM. */
final class Npm {

    private Npm() {}

    /** {@code npm ci} in {@code project}: exactly the versions its package-lock.json pins. */
    static void install(Path project, Path log) throws IOException, InterruptedException {
        int exit = run(
                project,
                List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
                Map.of(),
                log,
                Duration.ofMinutes(5));
        assertThat(exit).as("npm ci in %s; output in %s", project, log).isZero();
    }

    /**
     * Runs {@code command} in {@code directory}, output to {@code log}, and returns its exit code;
     * destroys it after {@code timeout}.
     */
    static int run(Path directory, List<String> command, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(command + " did not finish within " + timeout + "; output in " + log);
        }
        return process.exitValue();
    }
}
