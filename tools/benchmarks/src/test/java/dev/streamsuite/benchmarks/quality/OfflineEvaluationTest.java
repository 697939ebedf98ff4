package dev.streamsuite.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OfflineEvaluationTest {

    // Smaller than the default shape to keep the test quick; the margin is much the same.
    private static final SyntheticShop.Shape SMALL = new SyntheticShop.Shape(6, 40, 300, 8, 10, Duration.ofDays(28));

    @Test
    void beatsThePopularityBaselineByAClearMargin() {
        OfflineEvaluation.Result result = OfflineEvaluation.evaluate(42, SMALL);

        assertThat(result.evaluated()).isGreaterThan(1000);
        assertThat(result.modelHitRate()).isGreaterThan(result.baselineHitRate() + 0.1);
    }

    @Test
    void givesTheSameResultForTheSameSeed() {
        SyntheticShop.Shape tiny = new SyntheticShop.Shape(3, 12, 40, 4, 4, Duration.ofDays(14));

        assertThat(OfflineEvaluation.evaluate(3, tiny)).isEqualTo(OfflineEvaluation.evaluate(3, tiny));
    }
}
