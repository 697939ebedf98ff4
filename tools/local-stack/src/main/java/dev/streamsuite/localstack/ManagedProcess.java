package dev.streamsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process of the local stack, with its output in one log file. */
record ManagedProcess(String name, Process process, Path log) implements AutoCloseable {

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /** Runs a command to completion, failing with its log when it does not exit 0. */
    static void run(String name, List<String> command, Path log, long timeoutSeconds) {
        try (var process = start(name, command, Map.of(), log)) {
            if (!process.process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the process to stop (SIGTERM: services shut down gracefully), then forces it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
