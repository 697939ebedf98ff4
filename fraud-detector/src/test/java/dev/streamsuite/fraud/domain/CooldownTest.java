package dev.streamsuite.fraud.domain;

import static dev.streamsuite.fraud.domain.Payments.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CooldownTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void allowsTheFirstAlert() {
        assertThat(Cooldown.allows(null, T0, TEN_MINUTES)).isTrue();
    }

    @Test
    void refusesWithinTheCooldown() {
        assertThat(Cooldown.allows(T0, T0.plus(TEN_MINUTES).minusNanos(1), TEN_MINUTES))
                .isFalse();
        assertThat(Cooldown.allows(T0, T0, TEN_MINUTES)).isFalse();
    }

    @Test
    void allowsFromExactlyTheEndOfTheCooldown() {
        assertThat(Cooldown.allows(T0, T0.plus(TEN_MINUTES), TEN_MINUTES)).isTrue();
        assertThat(Cooldown.allows(T0, T0.plus(Duration.ofDays(1)), TEN_MINUTES))
                .isTrue();
    }

    @Test
    void refusesALatePaymentOlderThanTheLastAlert() {
        assertThat(Cooldown.allows(T0, T0.minus(Duration.ofDays(1)), TEN_MINUTES))
                .isFalse();
        assertThat(Cooldown.allows(T0, T0.minusNanos(1), Duration.ZERO)).isFalse();
    }

    @Test
    void aZeroCooldownAllowsEveryHitFromTheLastAlertOn() {
        assertThat(Cooldown.allows(T0, T0, Duration.ZERO)).isTrue();
    }

    @Test
    void rejectsANegativeCooldown() {
        assertThatThrownBy(() -> Cooldown.allows(T0, T0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cooldown");
    }
}
