package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.HOURLY;
import static dev.streamsuite.clickstream.domain.Clicks.ONE_HOUR;
import static dev.streamsuite.clickstream.domain.Clicks.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecayTest {

    @Test
    void halvesAScoreAfterExactlyOneHalfLife() {
        assertThat(HOURLY.decayed(8.0, T0, T0.plus(ONE_HOUR))).isEqualTo(4.0);
    }

    @Test
    void quartersAScoreAfterTwoHalfLives() {
        assertThat(HOURLY.decayed(8.0, T0, T0.plus(Duration.ofHours(2)))).isEqualTo(2.0);
    }

    @Test
    void isExactForHalfLivesOfDays() {
        Decay weekly = Decay.withHalfLife(Duration.ofDays(7));

        assertThat(weekly.decayed(10.0, T0, T0.plus(Duration.ofDays(7)))).isEqualTo(5.0);
        assertThat(weekly.decayed(10.0, T0, T0.plus(Duration.ofDays(21)))).isEqualTo(1.25);
    }

    @Test
    void decaysContinuouslyBetweenHalfLives() {
        assertThat(HOURLY.decayed(8.0, T0, T0.plus(Duration.ofMinutes(30))))
                .isCloseTo(8.0 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void leavesAScoreUnchangedAtItsOwnTime() {
        assertThat(HOURLY.decayed(8.0, T0, T0)).isEqualTo(8.0);
    }

    @Test
    void neverGrowsAScoreReadBeforeItsTime() {
        assertThat(HOURLY.decayed(8.0, T0, T0.minus(Duration.ofDays(1)))).isEqualTo(8.0);
    }

    @Test
    void givesTheSameValueForTimesInMilliseconds() {
        var weekly = Decay.withHalfLife(Duration.ofDays(7));
        var random = new Random(5);
        for (int i = 0; i < 1_000; i++) {
            long scoredAt = 1_700_000_000_000L + random.nextInt(1_000_000_000);
            long now = scoredAt + random.nextInt(2_000_000_000) - 500_000_000;
            double score = 0.5 + random.nextInt(100);

            assertThat(weekly.decayed(score, scoredAt, now))
                    .as("%s from %d to %d", score, scoredAt, now)
                    .isEqualTo(weekly.decayed(score, Instant.ofEpochMilli(scoredAt), Instant.ofEpochMilli(now)));
        }
    }

    @Test
    void rejectsAHalfLifeThatIsNotPositive() {
        assertThatThrownBy(() -> Decay.withHalfLife(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("halfLife");
        assertThatThrownBy(() -> Decay.withHalfLife(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("halfLife");
    }
}
