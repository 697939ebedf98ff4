package dev.streamsuite.fraud.domain;

import dev.streamsuite.schemas.payments.DecisionOutcome;
import java.util.List;

/**
 * Turns the scores of the rules that fired for a payment into a verdict: APPROVE below {@code reviewAt}, REVIEW from
 * {@code reviewAt}, DECLINE from {@code declineAt}.
 *
 * <p>The scores are combined by noisy-OR, {@code 1 - prod(1 - score)}: each hit is taken as independent evidence, so
 * several weak hits add up, no hit can be outweighed, and a single score of 1.0 (a blocklist hit) gives 1.0 and so a
 * decline whatever the thresholds.
 */
public record DecisionPolicy(double reviewAt, double declineAt) {

    public DecisionPolicy {
        if (!(0.0 <= reviewAt && reviewAt <= declineAt && declineAt <= 1.0)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= reviewAt <= declineAt <= 1, were reviewAt="
                    + reviewAt + " declineAt=" + declineAt);
        }
    }

    /** @param scores the scores of the rules that fired, each within 0..1; empty when none fired */
    public Decision decide(List<Double> scores) {
        double risk = 0.0;
        for (Double score : scores) {
            if (score == null || !(score >= 0.0 && score <= 1.0)) {
                throw new IllegalArgumentException("scores must be within 0..1, got " + score);
            }
            // The same as 1 - (1 - risk)(1 - score), but a single score comes out exactly as itself rather than
            // rounded across a threshold.
            risk = Math.min(1.0, risk + score * (1.0 - risk));
        }
        DecisionOutcome verdict = risk >= declineAt
                ? DecisionOutcome.DECLINE
                : risk >= reviewAt ? DecisionOutcome.REVIEW : DecisionOutcome.APPROVE;
        return new Decision(verdict, risk);
    }
}
