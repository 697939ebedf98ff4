package dev.streamsuite.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.streamsuite.schemas.payments.DecisionOutcome;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {

    private final DecisionPolicy policy = new DecisionPolicy(0.5, 0.75);

    @Test
    void approvesWhenNoRuleFired() {
        assertThat(policy.decide(List.of())).isEqualTo(new Decision(DecisionOutcome.APPROVE, 0.0));
    }

    @Test
    void approvesJustBelowTheReviewThreshold() {
        assertThat(policy.decide(List.of(Math.nextDown(0.5))).verdict()).isEqualTo(DecisionOutcome.APPROVE);
    }

    @Test
    void reviewsFromExactlyTheReviewThreshold() {
        assertThat(policy.decide(List.of(0.5))).isEqualTo(new Decision(DecisionOutcome.REVIEW, 0.5));
    }

    @Test
    void reviewsJustBelowTheDeclineThreshold() {
        assertThat(policy.decide(List.of(Math.nextDown(0.75))).verdict()).isEqualTo(DecisionOutcome.REVIEW);
    }

    @Test
    void declinesFromExactlyTheDeclineThreshold() {
        assertThat(policy.decide(List.of(0.75))).isEqualTo(new Decision(DecisionOutcome.DECLINE, 0.75));
    }

    @Test
    void combinesScoresByNoisyOr() {
        Decision decision = policy.decide(List.of(0.2, 0.5));

        assertThat(decision.riskScore()).isCloseTo(0.6, within(1e-12));
        assertThat(decision.verdict()).isEqualTo(DecisionOutcome.REVIEW);
    }

    @Test
    void twoReviewsAddUpToADecline() {
        assertThat(policy.decide(List.of(0.5, 0.5))).isEqualTo(new Decision(DecisionOutcome.DECLINE, 0.75));
    }

    @Test
    void orderOfTheScoresDoesNotMatter() {
        assertThat(policy.decide(List.of(0.1, 0.3, 0.7)).riskScore())
                .isCloseTo(policy.decide(List.of(0.7, 0.1, 0.3)).riskScore(), within(1e-15));
    }

    @Test
    void aBlocklistHitDeclinesWhateverTheOtherScores() {
        DecisionPolicy strictest = new DecisionPolicy(1.0, 1.0);

        assertThat(strictest.decide(List.of(0.0, 1.0, 0.1))).isEqualTo(new Decision(DecisionOutcome.DECLINE, 1.0));
    }

    @Test
    void equalThresholdsLeaveNoRoomForReview() {
        DecisionPolicy noReview = new DecisionPolicy(0.6, 0.6);

        assertThat(noReview.decide(List.of(0.59)).verdict()).isEqualTo(DecisionOutcome.APPROVE);
        assertThat(noReview.decide(List.of(0.6)).verdict()).isEqualTo(DecisionOutcome.DECLINE);
    }

    @Test
    void aZeroReviewThresholdReviewsEverything() {
        assertThat(new DecisionPolicy(0.0, 1.0).decide(List.of()).verdict()).isEqualTo(DecisionOutcome.REVIEW);
    }

    @Test
    void rejectsThresholdsOutOfOrderOrRange() {
        assertThatThrownBy(() -> new DecisionPolicy(0.8, 0.5))
                .hasMessage("thresholds must satisfy 0 <= reviewAt <= declineAt <= 1, were reviewAt=0.8 declineAt=0.5");
        assertThatThrownBy(() -> new DecisionPolicy(-0.1, 0.5)).hasMessageContaining("reviewAt=-0.1");
        assertThatThrownBy(() -> new DecisionPolicy(0.5, 1.1)).hasMessageContaining("declineAt=1.1");
        assertThatThrownBy(() -> new DecisionPolicy(Double.NaN, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsScoresOutsideZeroToOne() {
        assertThatThrownBy(() -> policy.decide(List.of(1.5))).hasMessageContaining("1.5");
        assertThatThrownBy(() -> policy.decide(List.of(-0.1))).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> policy.decide(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.decide(Arrays.asList(0.5, null))).isInstanceOf(IllegalArgumentException.class);
    }
}
