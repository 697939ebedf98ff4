package dev.streamsuite.benchmarks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second benchmark run does not start while one is going, and starts once it has ended. */
class RunLockTest {

    @TempDir
    Path folder;

    @Test
    void aSecondRunIsToldToWaitWhileTheFirstHoldsTheLock() throws Exception {
        Path file = folder.resolve("target/suite-benchmark.lock");
        try (var first = RunLock.acquire(file)) {
            assertThatThrownBy(() -> RunLock.acquire(file))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another benchmark run is going")
                    .hasMessageContaining("Wait for it to finish");
        }
        // Free again once the first run has let go; this throws otherwise.
        RunLock.acquire(file).close();
    }
}
