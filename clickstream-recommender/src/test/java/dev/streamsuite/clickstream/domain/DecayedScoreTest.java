package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.HOURLY;
import static dev.streamsuite.clickstream.domain.Clicks.T0;
import static dev.streamsuite.clickstream.domain.Clicks.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecayedScoreTest {

    @Test
    void addsAnAmountAtTheSameTime() {
        assertThat(new DecayedScore(2.0, T0).plus(3.0, T0, HOURLY)).isEqualTo(new DecayedScore(5.0, T0));
    }

    @Test
    void decaysTheExistingValueToTheNewEventBeforeAdding() {
        assertThat(new DecayedScore(4.0, T0).plus(1.0, at(3600), HOURLY)).isEqualTo(new DecayedScore(3.0, at(3600)));
    }

    @Test
    void decaysAnOutOfOrderAmountForwardInsteadOfMovingBackInTime() {
        assertThat(new DecayedScore(4.0, at(3600)).plus(2.0, T0, HOURLY)).isEqualTo(new DecayedScore(5.0, at(3600)));
    }

    @Test
    void addsUpTheSameWhateverOrderTheEventsArriveIn() {
        List<Instant> times = List.of(T0, at(5400), at(1800));
        List<Double> amounts = List.of(1.0, 2.0, 3.0);
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        double expected = 1.0 * Math.pow(2, -3) + 2.0 * Math.pow(2, -1.5) + 3.0 * Math.pow(2, -2.5);

        for (int[] order : orders) {
            DecayedScore score = new DecayedScore(amounts.get(order[0]), times.get(order[0]));
            score = score.plus(amounts.get(order[1]), times.get(order[1]), HOURLY);
            score = score.plus(amounts.get(order[2]), times.get(order[2]), HOURLY);

            assertThat(score.asOf()).isEqualTo(at(5400));
            assertThat(score.valueAt(at(3 * 3600), HOURLY)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void readsTheValueDecayedToLater() {
        assertThat(new DecayedScore(6.0, T0).valueAt(at(7200), HOURLY)).isEqualTo(1.5);
    }

    @Test
    void readsTheStoredValueBeforeItsTime() {
        assertThat(new DecayedScore(6.0, at(3600)).valueAt(T0, HOURLY)).isEqualTo(6.0);
    }

    @Test
    void rejectsValuesThatAreNotFinite() {
        assertThatThrownBy(() -> new DecayedScore(Double.NaN, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecayedScore(1.0, T0).plus(Double.POSITIVE_INFINITY, T0, HOURLY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
