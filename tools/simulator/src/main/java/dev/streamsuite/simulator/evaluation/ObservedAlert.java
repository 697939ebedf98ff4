package dev.streamsuite.simulator.evaluation;

import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.simulator.GroundTruth;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert a service raised, as the evaluator sees it.
 *
 * @param domain {@value GroundTruth#PAYMENTS} or {@value GroundTruth#IOT}
 * @param kind the rule type of a fraud alert, or the type of a device alert
 * @param entityId the card id of a fraud alert, the device id of a device alert
 * @param eventTime the alert's event time
 * @param receivedAt wall-clock time at which the alert was consumed; {@code null} when unknown
 * @param triggerEventId the transaction that made a rule fire; {@code null} when the alert does not name one
 */
public record ObservedAlert(
        String domain, String kind, String entityId, Instant eventTime, Instant receivedAt, String triggerEventId) {

    public ObservedAlert {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    /** A fraud alert of fraud-detector, consumed at {@code receivedAt}. */
    public static ObservedAlert of(FraudAlert alert, Instant receivedAt) {
        return new ObservedAlert(
                GroundTruth.PAYMENTS,
                alert.getRuleType().name(),
                alert.getCardId(),
                alert.getEventTime(),
                receivedAt,
                alert.getTransactionId());
    }

    /** A device alert of iot-aggregator, consumed at {@code receivedAt}. */
    public static ObservedAlert of(DeviceAlert alert, Instant receivedAt) {
        return new ObservedAlert(
                GroundTruth.IOT, alert.getType().name(), alert.getDeviceId(), alert.getEventTime(), receivedAt, null);
    }
}
