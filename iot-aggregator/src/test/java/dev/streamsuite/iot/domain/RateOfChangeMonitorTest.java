package dev.streamsuite.iot.domain;

import static dev.streamsuite.iot.domain.Readings.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateOfChangeMonitorTest {

    /** At most 0.5 units per minute. */
    private final RateOfChangeMonitor monitor = new RateOfChangeMonitor(0.5);

    private static WindowMean atMinute(long minute, double mean) {
        return new WindowMean(T0.plus(Duration.ofMinutes(minute)), mean);
    }

    @Test
    void computesTheAbsoluteChangePerMinuteBetweenWindowStarts() {
        assertThat(RateOfChangeMonitor.ratePerMinute(atMinute(0, 20.0), atMinute(5, 22.5)))
                .isEqualTo(0.5);
        assertThat(RateOfChangeMonitor.ratePerMinute(atMinute(0, 22.5), atMinute(5, 20.0)))
                .isEqualTo(0.5);
        assertThat(RateOfChangeMonitor.ratePerMinute(atMinute(0, 20.0), new WindowMean(T0.plusSeconds(30), 21.0)))
                .isEqualTo(2.0);
    }

    @Test
    void firesWhenTheMeanChangesFasterThanTheLimit() {
        RateOfChangeResult result = monitor.evaluate(true, atMinute(0, 20.0), atMinute(1, 21.0));

        assertThat(result.armed()).isFalse();
        assertThat(result.event())
                .hasValue(new RateOfChangeEvent(
                        1.0,
                        0.5,
                        "window mean changed from 20 to 21 at 1 per minute, above the limit of 0.5 per minute"));
    }

    @Test
    void aFallIsAsMuchAChangeAsARise() {
        assertThat(monitor.evaluate(true, atMinute(0, 21.0), atMinute(1, 20.0)).event())
                .isPresent();
    }

    @Test
    void aRateExactlyAtTheLimitDoesNotFire() {
        RateOfChangeResult result = monitor.evaluate(true, atMinute(0, 20.0), atMinute(1, 20.5));

        assertThat(result).isEqualTo(new RateOfChangeResult(true, Optional.empty()));
    }

    @Test
    void aGapOfMissingWindowsSpreadsTheChangeOverTheTimeThatPassed() {
        assertThat(monitor.evaluate(true, atMinute(0, 20.0), atMinute(4, 22.0)).event())
                .isEmpty();
        assertThat(monitor.evaluate(true, atMinute(0, 20.0), atMinute(3, 22.0)).event())
                .isPresent();
    }

    @Test
    void firesOnceWhileTheChangeGoesOnAndAgainAfterRearming() {
        double[] means = {20.0, 21.0, 22.0, 23.0, 23.2, 25.0, 25.1};
        boolean armed = true;
        List<Double> firedAt = new ArrayList<>();
        for (int minute = 1; minute < means.length; minute++) {
            RateOfChangeResult result =
                    monitor.evaluate(armed, atMinute(minute - 1, means[minute - 1]), atMinute(minute, means[minute]));
            armed = result.armed();
            int at = minute;
            result.event().ifPresent(event -> firedAt.add((double) at));
        }

        assertThat(firedAt).containsExactly(1.0, 5.0);
    }

    @Test
    void staysDisarmedWithoutAlertingWhileTheRateStaysAboveTheLimit() {
        assertThat(monitor.evaluate(false, atMinute(0, 20.0), atMinute(1, 30.0)))
                .isEqualTo(new RateOfChangeResult(false, Optional.empty()));
    }

    @Test
    void rearmsOnAWindowExactlyAtTheLimit() {
        assertThat(monitor.evaluate(false, atMinute(0, 20.0), atMinute(1, 20.5)).armed())
                .isTrue();
    }

    @Test
    void theFirstWindowOfADeviceNeverFires() {
        assertThat(monitor.evaluate(true, null, atMinute(0, 1e9)))
                .isEqualTo(new RateOfChangeResult(true, Optional.empty()));
        assertThat(monitor.evaluate(false, null, atMinute(0, 1e9)).armed()).isFalse();
    }

    @Test
    void aNullLimitDisablesTheMonitorAndLeavesItArmed() {
        RateOfChangeMonitor disabled = new RateOfChangeMonitor(null);

        assertThat(disabled.evaluate(false, atMinute(0, 0.0), atMinute(1, 1e9)))
                .isEqualTo(new RateOfChangeResult(true, Optional.empty()));
    }

    @Test
    void aZeroLimitFiresOnAnyChange() {
        RateOfChangeMonitor zero = new RateOfChangeMonitor(0.0);

        assertThat(zero.evaluate(true, atMinute(0, 20.0), atMinute(1, 20.0)).event())
                .isEmpty();
        assertThat(zero.evaluate(true, atMinute(0, 20.0), atMinute(1, Math.nextUp(20.0)))
                        .event())
                .isPresent();
    }

    @Test
    void rejectsWindowsOutOfOrderAndUnusableLimits() {
        assertThatThrownBy(() -> monitor.evaluate(true, atMinute(1, 20.0), atMinute(1, 20.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after previous window start");
        assertThatThrownBy(() -> monitor.evaluate(true, atMinute(2, 20.0), atMinute(1, 20.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateOfChangeMonitor(-0.1))
                .hasMessage("maxChangePerMinute must be finite and not negative, was -0.1");
        assertThatThrownBy(() -> new RateOfChangeMonitor(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowMean(T0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
