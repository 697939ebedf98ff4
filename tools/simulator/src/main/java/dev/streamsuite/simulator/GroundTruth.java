package dev.streamsuite.simulator;

import dev.streamsuite.simulator.evaluation.Evaluator;
import java.time.Instant;
import java.util.Objects;

/**
 * One labelled incident the simulator injected, and what the services are expected to do about it.
 *
 * @param scenarioId unique per injected scenario; a scenario that is expected to raise two kinds of alert has one
 *     ground truth per kind, with the same scenario id
 * @param domain {@value #PAYMENTS}, {@value #IOT} or {@value #CLICKSTREAM}
 * @param kind the expected alert: for payments the rule type ({@code VELOCITY}, {@code AMOUNT_ANOMALY}, {@code
 *     IMPOSSIBLE_TRAVEL}, {@code BLOCKLIST}, {@code CARD_TESTING}), for iot the device alert type ({@code
 *     THRESHOLD_HIGH}, {@code SILENT_DEVICE}); or, for records that must be handled without an alert, {@code
 *     LATE_READINGS}, {@code CORRUPT_READINGS} or {@code BOT_SESSION} (see {@link Evaluator#NOT_ALERT_KINDS})
 * @param entityId the card id, device id or user id the alert is keyed by
 * @param from start of the event-time span in which the alert is expected (inclusive)
 * @param to end of that span (inclusive); the evaluator adds its slack
 * @param triggerEventId the transaction, reading or click expected to trigger the alert; {@code null} when no single
 *     record does (a silent device)
 * @param sentAt wall-clock time at which the trigger was handed to {@link Emit}; {@code null} when unknown, and then
 *     no latency is measured for this incident
 */
public record GroundTruth(
        String scenarioId,
        String domain,
        String kind,
        String entityId,
        Instant from,
        Instant to,
        String triggerEventId,
        Instant sentAt) {

    public static final String PAYMENTS = "payments";
    public static final String IOT = "iot";
    public static final String CLICKSTREAM = "clickstream";

    public GroundTruth {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("ground truth " + scenarioId + ": to " + to + " is before from " + from);
        }
    }

    /** Whether an alert is expected for this ground truth, rather than handling without one. */
    public boolean expectsAlert() {
        return !Evaluator.NOT_ALERT_KINDS.contains(kind);
    }
}
