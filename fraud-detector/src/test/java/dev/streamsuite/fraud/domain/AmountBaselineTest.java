package dev.streamsuite.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AmountBaselineTest {

    @Test
    void emptyHasNoObservations() {
        assertThat(AmountBaseline.empty()).isEqualTo(new AmountBaseline(0, 0.0, 0.0));
    }

    @Test
    void firstObservationSetsTheMeanWithNoVariance() {
        AmountBaseline baseline = AmountBaseline.empty().update(1_234, 0.1);

        assertThat(baseline).isEqualTo(new AmountBaseline(1, 1_234, 0.0));
    }

    @Test
    void secondObservationFollowsTheIncrementalFormula() {
        AmountBaseline baseline = AmountBaseline.empty().update(100, 0.5).update(200, 0.5);

        // diff = 100, increment = 50, variance = 0.5 * (0 + 100 * 50)
        assertThat(baseline).isEqualTo(new AmountBaseline(2, 150, 2_500));
    }

    @Test
    void matchesTheDirectlyComputedWeightedMeanAndVariance() {
        double alpha = 0.1;
        double[] amounts = {1_000, 1_250, 900, 4_000, 1_100, 980, 15_000, 1_020, 1_000, 760, 2_300, 1_111};

        AmountBaseline baseline = AmountBaseline.empty();
        for (double amount : amounts) {
            baseline = baseline.update(amount, alpha);
        }

        // The first observation weighs (1 - alpha)^(n-1), the i-th later one alpha * (1 - alpha)^(n-i).
        int n = amounts.length;
        double[] weights = new double[n];
        weights[0] = Math.pow(1 - alpha, n - 1);
        for (int i = 1; i < n; i++) {
            weights[i] = alpha * Math.pow(1 - alpha, n - 1 - i);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += weights[i] * amounts[i];
        }
        double variance = 0;
        for (int i = 0; i < n; i++) {
            variance += weights[i] * (amounts[i] - mean) * (amounts[i] - mean);
        }
        assertThat(baseline.count()).isEqualTo(n);
        assertThat(baseline.mean()).isCloseTo(mean, within(1e-6));
        assertThat(baseline.variance()).isCloseTo(variance, within(1e-6 * variance));
        assertThat(baseline.stdDev()).isCloseTo(Math.sqrt(variance), within(1e-6));
    }

    @Test
    void alphaOfOneForgetsEverythingButTheLatest() {
        AmountBaseline baseline = AmountBaseline.empty().update(100, 1.0).update(700, 1.0);

        assertThat(baseline.mean()).isEqualTo(700);
        assertThat(baseline.variance()).isZero();
    }

    @Test
    void updateLeavesTheOriginalUnchanged() {
        AmountBaseline original = new AmountBaseline(3, 500, 100);

        original.update(10_000, 0.2);

        assertThat(original).isEqualTo(new AmountBaseline(3, 500, 100));
    }

    @Test
    void zScoreIsDistanceFromTheMeanInStandardDeviations() {
        AmountBaseline baseline = new AmountBaseline(10, 1_000, 40_000);

        assertThat(baseline.zScore(1_600, 1)).isEqualTo(3.0);
        assertThat(baseline.zScore(600, 1)).isEqualTo(-2.0);
    }

    @Test
    void zScoreUsesTheMinimumStandardDeviationWhenTheRealOneIsSmaller() {
        AmountBaseline baseline = new AmountBaseline(10, 1_000, 0);

        assertThat(baseline.zScore(1_500, 100)).isEqualTo(5.0);
    }

    @Test
    void zScoreUsesTheRealStandardDeviationWhenItIsLarger() {
        AmountBaseline baseline = new AmountBaseline(10, 1_000, 40_000);

        assertThat(baseline.zScore(1_600, 199.9)).isEqualTo(3.0);
    }

    @Test
    void rejectsAlphaOutsideZeroToOne() {
        AmountBaseline baseline = AmountBaseline.empty();

        assertThatThrownBy(() -> baseline.update(1, 0)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> baseline.update(1, 1.01)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> baseline.update(1, Double.NaN)).hasMessageContaining("alpha");
    }

    @Test
    void rejectsANonPositiveMinimumStandardDeviation() {
        assertThatThrownBy(() -> AmountBaseline.empty().zScore(1, 0)).hasMessageContaining("minStdDev");
    }

    @Test
    void rejectsImpossibleState() {
        assertThatThrownBy(() -> new AmountBaseline(-1, 0, 0)).hasMessageContaining("count");
        assertThatThrownBy(() -> new AmountBaseline(1, 0, -0.5)).hasMessageContaining("variance");
        assertThatThrownBy(() -> new AmountBaseline(1, Double.NaN, 0)).hasMessageContaining("mean");
    }
}
