package dev.streamsuite.streams.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ReplacementBackoffTest {

    private long now;
    private final ReplacementBackoff backoff = new ReplacementBackoff(Duration.ofSeconds(30), () -> now);

    @Test
    void aFirstFailureIsReplacedAtOnceAndFailuresInARowWaitTwiceAsLongUpToTheMaximum() {
        var pauses = new ArrayList<Long>();
        for (int failure = 0; failure < 8; failure++) {
            Duration pause = backoff.onFailure();
            pauses.add(pause.toSeconds());
            now += pause.plusSeconds(2).toNanos();
        }

        assertThat(pauses).containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void aFailureLongAfterThePreviousOneStartsOver() {
        backoff.onFailure();
        now += Duration.ofSeconds(1).toNanos();
        assertThat(backoff.onFailure()).isEqualTo(Duration.ofSeconds(1));

        now += Duration.ofMinutes(5).toNanos();

        assertThat(backoff.onFailure()).isZero();
    }
}
