package dev.streamsuite.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the processes a test or tool started: politely first, then for sure. */
public final class ChildProcesses {

    private ChildProcesses() {}

    /** SIGTERM, then SIGKILL when the process has not exited after {@code grace}. */
    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
