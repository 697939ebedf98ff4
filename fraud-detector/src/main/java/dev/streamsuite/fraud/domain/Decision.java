package dev.streamsuite.fraud.domain;

import dev.streamsuite.schemas.payments.DecisionOutcome;
import java.util.Objects;

/**
 * @param riskScore 0..1, combined from the scores of the rules that fired
 */
public record Decision(DecisionOutcome verdict, double riskScore) {

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        if (!(riskScore >= 0.0 && riskScore <= 1.0)) {
            throw new IllegalArgumentException("riskScore must be within 0..1, was " + riskScore);
        }
    }
}
