package dev.streamsuite.iot.domain;

import static dev.streamsuite.iot.domain.Readings.T0;
import static dev.streamsuite.iot.domain.Readings.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThresholdMonitorTest {

    /** High 30, low 10, band 1 both ways: HIGH clears below 29, LOW clears above 11. */
    private final ThresholdMonitor monitor = new ThresholdMonitor(10.0, 30.0, 1.0);

    @Test
    void staysNormalWithinTheThresholds() {
        assertThat(monitor.evaluate(ThresholdState.NORMAL, 12.0, 28.0))
                .isEqualTo(new ThresholdTransition(ThresholdState.NORMAL, Optional.empty()));
    }

    @Test
    void raisesHighWhenTheWindowMaxIsAboveTheThreshold() {
        ThresholdTransition transition = monitor.evaluate(ThresholdState.NORMAL, 25.0, 31.5);

        assertThat(transition.newState()).isEqualTo(ThresholdState.HIGH);
        assertThat(transition.event())
                .hasValue(new ThresholdEvent(
                        ThresholdEvent.Kind.RAISED_HIGH, 31.5, 30.0, "window max 31.5 is above the high threshold 30"));
    }

    @Test
    void aMaxExactlyAtTheThresholdDoesNotRaise() {
        assertThat(monitor.evaluate(ThresholdState.NORMAL, 25.0, 30.0).newState())
                .isEqualTo(ThresholdState.NORMAL);
        assertThat(monitor.evaluate(ThresholdState.NORMAL, 25.0, Math.nextUp(30.0))
                        .newState())
                .isEqualTo(ThresholdState.HIGH);
    }

    @Test
    void raisesOneAlertWhileValueHoversAroundThreshold() {
        double[] windowMaxes = {29.5, 30.2, 29.8, 30.4, 29.1, 30.1, 29.9, 30.3, 29.2};

        List<ThresholdEvent> events = run(ThresholdState.NORMAL, windowMaxes);

        assertThat(events).extracting(ThresholdEvent::kind).containsExactly(ThresholdEvent.Kind.RAISED_HIGH);
        assertThat(events.get(0).observed()).isEqualTo(30.2);
    }

    @Test
    void clearsOnlyOnceTheMaxIsBelowTheBand() {
        assertThat(monitor.evaluate(ThresholdState.HIGH, 20.0, 29.0).newState()).isEqualTo(ThresholdState.HIGH);

        ThresholdTransition cleared = monitor.evaluate(ThresholdState.HIGH, 20.0, 28.9);

        assertThat(cleared.newState()).isEqualTo(ThresholdState.NORMAL);
        assertThat(cleared.event())
                .hasValue(new ThresholdEvent(
                        ThresholdEvent.Kind.CLEARED,
                        28.9,
                        30.0,
                        "window max 28.9 is back below the high threshold 30 minus hysteresis 1"));
    }

    @Test
    void raisesAgainAfterAClear() {
        List<ThresholdEvent> events = run(ThresholdState.NORMAL, new double[] {31.0, 30.5, 28.0, 29.5, 30.5});

        assertThat(events)
                .extracting(ThresholdEvent::kind)
                .containsExactly(
                        ThresholdEvent.Kind.RAISED_HIGH, ThresholdEvent.Kind.CLEARED, ThresholdEvent.Kind.RAISED_HIGH);
    }

    @Test
    void lowIsSymmetrical() {
        assertThat(monitor.evaluate(ThresholdState.NORMAL, 10.0, 20.0).newState())
                .isEqualTo(ThresholdState.NORMAL);

        ThresholdTransition raised = monitor.evaluate(ThresholdState.NORMAL, 9.5, 20.0);
        assertThat(raised.newState()).isEqualTo(ThresholdState.LOW);
        assertThat(raised.event())
                .hasValue(new ThresholdEvent(
                        ThresholdEvent.Kind.RAISED_LOW, 9.5, 10.0, "window min 9.5 is below the low threshold 10"));

        assertThat(monitor.evaluate(ThresholdState.LOW, 9.0, 20.0).event()).isEmpty();
        assertThat(monitor.evaluate(ThresholdState.LOW, 10.5, 20.0).event()).isEmpty();
        assertThat(monitor.evaluate(ThresholdState.LOW, 11.0, 20.0).newState()).isEqualTo(ThresholdState.LOW);

        ThresholdTransition cleared = monitor.evaluate(ThresholdState.LOW, 11.5, 20.0);
        assertThat(cleared.newState()).isEqualTo(ThresholdState.NORMAL);
        assertThat(cleared.event())
                .hasValue(new ThresholdEvent(
                        ThresholdEvent.Kind.CLEARED,
                        11.5,
                        10.0,
                        "window min 11.5 is back above the low threshold 10 plus hysteresis 1"));
    }

    @Test
    void raisesOneLowAlertWhileValueHoversAroundTheLowThreshold() {
        ThresholdState state = ThresholdState.NORMAL;
        List<ThresholdEvent> events = new ArrayList<>();
        for (double windowMin : new double[] {10.2, 9.9, 10.1, 9.8, 10.9, 9.95, 10.4}) {
            ThresholdTransition transition = monitor.evaluate(state, windowMin, 20.0);
            state = transition.newState();
            transition.event().ifPresent(events::add);
        }

        assertThat(events).extracting(ThresholdEvent::kind).containsExactly(ThresholdEvent.Kind.RAISED_LOW);
        assertThat(state).isEqualTo(ThresholdState.LOW);
    }

    @Test
    void nullThresholdsNeverAlert() {
        ThresholdMonitor none = ThresholdMonitor.of(null, null);

        for (double value : new double[] {-1e9, -40.0, 0.0, 40.0, 1e9}) {
            assertThat(none.evaluate(ThresholdState.NORMAL, value, value))
                    .isEqualTo(new ThresholdTransition(ThresholdState.NORMAL, Optional.empty()));
        }
    }

    @Test
    void aDeviceWithOnlyAHighThresholdIgnoresLowValues() {
        ThresholdMonitor highOnly = ThresholdMonitor.of(null, 30.0);

        assertThat(highOnly.evaluate(ThresholdState.NORMAL, -1e6, 20.0).event()).isEmpty();
        assertThat(highOnly.evaluate(ThresholdState.NORMAL, -1e6, 31.0).newState())
                .isEqualTo(ThresholdState.HIGH);
    }

    @Test
    void theDefaultBandIsTwoPercentOfTheThreshold() {
        ThresholdMonitor defaults = ThresholdMonitor.of(-20.0, 30.0);

        assertThat(defaults.highBand()).isCloseTo(0.6, within(1e-12));
        assertThat(defaults.lowBand()).isCloseTo(0.4, within(1e-12));
        assertThat(defaults.evaluate(ThresholdState.HIGH, 0.0, 29.5).newState()).isEqualTo(ThresholdState.HIGH);
        assertThat(defaults.evaluate(ThresholdState.HIGH, 0.0, 29.3).newState()).isEqualTo(ThresholdState.NORMAL);
        assertThat(defaults.evaluate(ThresholdState.LOW, -19.7, 0.0).newState()).isEqualTo(ThresholdState.LOW);
        assertThat(defaults.evaluate(ThresholdState.LOW, -19.5, 0.0).newState()).isEqualTo(ThresholdState.NORMAL);
    }

    @Test
    void theReasonShowsTheBandWithoutFloatingPointNoise() {
        ThresholdTransition cleared = ThresholdMonitor.of(null, 30.0).evaluate(ThresholdState.HIGH, 0.0, 29.0);

        assertThat(cleared.event().orElseThrow().reason())
                .isEqualTo("window max 29 is back below the high threshold 30 minus hysteresis 0.6");
    }

    @Test
    void aZeroHysteresisClearsAsSoonAsTheMaxIsBelowTheThreshold() {
        ThresholdMonitor noBand = new ThresholdMonitor(null, 30.0, 0.0);

        assertThat(noBand.evaluate(ThresholdState.HIGH, 0.0, 30.0).newState()).isEqualTo(ThresholdState.HIGH);
        assertThat(noBand.evaluate(ThresholdState.HIGH, 0.0, Math.nextDown(30.0))
                        .newState())
                .isEqualTo(ThresholdState.NORMAL);
    }

    @Test
    void aWindowAboveBothThresholdsFromNormalRaisesHigh() {
        assertThat(monitor.evaluate(ThresholdState.NORMAL, 5.0, 35.0).event())
                .hasValueSatisfying(event -> assertThat(event.kind()).isEqualTo(ThresholdEvent.Kind.RAISED_HIGH));
    }

    @Test
    void swingingFromHighToLowRaisesLowDirectly() {
        ThresholdTransition transition = monitor.evaluate(ThresholdState.HIGH, 5.0, 20.0);

        assertThat(transition.newState()).isEqualTo(ThresholdState.LOW);
        assertThat(transition.event())
                .hasValueSatisfying(event -> assertThat(event.kind()).isEqualTo(ThresholdEvent.Kind.RAISED_LOW));
    }

    @Test
    void swingingFromLowToHighRaisesHighDirectly() {
        ThresholdTransition transition = monitor.evaluate(ThresholdState.LOW, 15.0, 35.0);

        assertThat(transition.newState()).isEqualTo(ThresholdState.HIGH);
        assertThat(transition.event())
                .hasValueSatisfying(event -> assertThat(event.kind()).isEqualTo(ThresholdEvent.Kind.RAISED_HIGH));
    }

    @Test
    void aHighAlertStaysWhileTheMaxIsInTheBandEvenIfTheMinIsLow() {
        assertThat(monitor.evaluate(ThresholdState.HIGH, 5.0, 29.5))
                .isEqualTo(new ThresholdTransition(ThresholdState.HIGH, Optional.empty()));
    }

    @Test
    void removingTheThresholdOfAnActiveAlertClearsIt() {
        ThresholdTransition high = ThresholdMonitor.of(10.0, null).evaluate(ThresholdState.HIGH, 20.0, 50.0);
        ThresholdTransition low = ThresholdMonitor.of(null, 30.0).evaluate(ThresholdState.LOW, -5.0, 20.0);

        assertThat(high.newState()).isEqualTo(ThresholdState.NORMAL);
        assertThat(high.event())
                .hasValue(new ThresholdEvent(
                        ThresholdEvent.Kind.CLEARED, 50.0, null, "high threshold removed while its alert was active"));
        assertThat(low.newState()).isEqualTo(ThresholdState.NORMAL);
        assertThat(low.event())
                .hasValue(new ThresholdEvent(
                        ThresholdEvent.Kind.CLEARED, -5.0, null, "low threshold removed while its alert was active"));
    }

    @Test
    void judgesReadingStatsByTheirMinAndMax() {
        ReadingStats window =
                ReadingStats.empty().add(20.0, T0).add(31.0, atSeconds(1)).add(22.0, atSeconds(2));

        assertThat(monitor.evaluate(ThresholdState.NORMAL, window).event())
                .hasValueSatisfying(event -> assertThat(event.observed()).isEqualTo(31.0));
    }

    @Test
    void anEmptyWindowKeepsTheState() {
        for (ThresholdState state : ThresholdState.values()) {
            assertThat(monitor.evaluate(state, ReadingStats.empty()))
                    .isEqualTo(new ThresholdTransition(state, Optional.empty()));
        }
    }

    @Test
    void rejectsUnusableSettingsAndWindows() {
        assertThatThrownBy(() -> ThresholdMonitor.of(30.0, 10.0))
                .hasMessage("low threshold 30.0 is above high threshold 10.0");
        assertThatThrownBy(() -> ThresholdMonitor.of(Double.NaN, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThresholdMonitor.of(null, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdMonitor(null, 30.0, -1.0))
                .hasMessage("hysteresis must be finite and not negative, was -1.0");
        assertThatThrownBy(() -> monitor.evaluate(ThresholdState.NORMAL, 20.0, 10.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> monitor.evaluate(ThresholdState.NORMAL, Double.NaN, 10.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> monitor.evaluate(null, 10.0, 20.0)).isInstanceOf(NullPointerException.class);
    }

    private List<ThresholdEvent> run(ThresholdState initial, double[] windowMaxes) {
        ThresholdState state = initial;
        List<ThresholdEvent> events = new ArrayList<>();
        for (double windowMax : windowMaxes) {
            ThresholdTransition transition = monitor.evaluate(state, 20.0, windowMax);
            state = transition.newState();
            transition.event().ifPresent(events::add);
        }
        return events;
    }
}
