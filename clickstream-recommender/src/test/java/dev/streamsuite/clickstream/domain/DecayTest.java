package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.HOURLY;
import static dev.streamsuite.clickstream.domain.Clicks.ONE_HOUR;
import static dev.streamsuite.clickstream.domain.Clicks.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
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
    void rejectsAHalfLifeThatIsNotPositive() {
        assertThatThrownBy(() -> Decay.withHalfLife(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("halfLife");
        assertThatThrownBy(() -> Decay.withHalfLife(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("halfLife");
    }
}
