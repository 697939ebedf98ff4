package dev.streamsuite.fraud.domain;

import java.time.Duration;
import java.time.Instant;

/** Keeps one rule from alerting about the same card over and over while an incident goes on. */
public final class Cooldown {

    private Cooldown() {}

    /**
     * Whether a hit at event time {@code now} may become an alert, given the event time of the last alert for the same
     * card and rule. Yes when there was none, or when {@code now >= lastAlertTime + cooldown}. No for a payment older
     * than the last alert: it arrived late, and the incident it belongs to has already been alerted on; alerting
     * again would only repeat it, and reprocessing would then depend on arrival order.
     *
     * @param lastAlertTime {@code null} when the card has not had an alert from this rule
     */
    public static boolean allows(Instant lastAlertTime, Instant now, Duration cooldown) {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative, was " + cooldown);
        }
        if (lastAlertTime == null) {
            return true;
        }
        // With a non-negative cooldown this also refuses every now before lastAlertTime.
        return !now.isBefore(lastAlertTime.plus(cooldown));
    }
}
