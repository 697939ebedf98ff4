package dev.streamsuite.schemas;

import dev.streamsuite.schemas.TopicSpec.CleanupPolicy;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.Transaction;
import java.time.Duration;
import java.util.List;

/**
 * Every topic of the suite in one place. Services build their typed topics from these
 * entries, topic creation and {@code docs/topics.md} are derived from them, and a test keeps
 * the document in step. Names end in a major version: an incompatible change of a topic's
 * key or value is a new topic, never an edit of this one.
 */
public final class TopicCatalog {

    /** Partitions of the event streams; co-partitioned tables use the same count. */
    public static final int STREAM_PARTITIONS = 6;

    private static final String EXTERNAL = "external";

    public static final TopicSpec<Transaction> TRANSACTIONS = stream(
            "payments.transactions.v1",
            "cardId",
            Transaction.class,
            Duration.ofDays(7),
            EXTERNAL,
            "Card payment authorisation requests.");
    public static final TopicSpec<FraudRule> FRAUD_RULES = table(
            "payments.fraud-rules.v1",
            "ruleId",
            FraudRule.class,
            1,
            EXTERNAL,
            "Fraud rule instances; publishing a new version changes detection at runtime.");
    public static final TopicSpec<BlocklistEntry> BLOCKLIST = table(
            "payments.blocklist.v1",
            "<kind>:<value>, e.g. MERCHANT:m-42",
            BlocklistEntry.class,
            1,
            EXTERNAL,
            "Blocked cards, accounts and merchants; a tombstone unblocks.");
    public static final TopicSpec<FraudAlert> FRAUD_ALERTS = stream(
            "payments.fraud-alerts.v1",
            "cardId",
            FraudAlert.class,
            Duration.ofDays(30),
            "fraud-detector",
            "Explainable alerts, one per incident (per-card, per-rule cooldown).");
    public static final TopicSpec<PaymentDecision> PAYMENT_DECISIONS = stream(
            "payments.decisions.v1",
            "transactionId",
            PaymentDecision.class,
            Duration.ofDays(7),
            "fraud-detector",
            "Approve / review / decline for every payment.");

    public static final TopicSpec<SensorReading> SENSOR_READINGS = stream(
            "iot.sensor-readings.v1",
            "deviceId",
            SensorReading.class,
            Duration.ofDays(3),
            EXTERNAL,
            "Raw sensor measurements.");
    public static final TopicSpec<Device> DEVICES = table(
            "iot.devices.v1",
            "deviceId",
            Device.class,
            STREAM_PARTITIONS,
            EXTERNAL,
            "Device registry: site, sensor type, unit, thresholds.");
    public static final TopicSpec<WindowedAggregate> DEVICE_AGGREGATES = stream(
            "iot.device-aggregates.v1",
            "deviceId",
            WindowedAggregate.class,
            Duration.ofDays(30),
            "iot-aggregator",
            "Final per-device statistics of each tumbling window.");
    public static final TopicSpec<WindowedAggregate> SITE_AGGREGATES = stream(
            "iot.site-aggregates.v1",
            "siteId",
            WindowedAggregate.class,
            Duration.ofDays(30),
            "iot-aggregator",
            "Per-site roll-ups on hopping windows.");
    public static final TopicSpec<DeviceAlert> DEVICE_ALERTS = stream(
            "iot.device-alerts.v1",
            "deviceId",
            DeviceAlert.class,
            Duration.ofDays(30),
            "iot-aggregator",
            "Threshold, rate-of-change, silent-device and back-online alerts.");
    public static final TopicSpec<SensorReading> LATE_READINGS = stream(
            "iot.late-readings.v1",
            "deviceId",
            SensorReading.class,
            Duration.ofDays(7),
            "iot-aggregator",
            "Readings that arrived after their window closed.");

    public static final TopicSpec<ClickEvent> CLICKS = stream(
            "clickstream.clicks.v1",
            "userId",
            ClickEvent.class,
            Duration.ofDays(3),
            EXTERNAL,
            "Shopper interactions: view, add to cart, purchase.");
    public static final TopicSpec<CatalogItem> CATALOG = table(
            "clickstream.catalog.v1",
            "itemId",
            CatalogItem.class,
            STREAM_PARTITIONS,
            EXTERNAL,
            "Shop catalog: category and active flag of each item.");
    public static final TopicSpec<Recommendation> RECOMMENDATIONS = table(
            "clickstream.recommendations.v1",
            "userId",
            Recommendation.class,
            STREAM_PARTITIONS,
            "clickstream-recommender",
            "Latest recommendations per user.");

    public static final List<TopicSpec<?>> ALL = List.of(
            TRANSACTIONS,
            FRAUD_RULES,
            BLOCKLIST,
            FRAUD_ALERTS,
            PAYMENT_DECISIONS,
            SENSOR_READINGS,
            DEVICES,
            DEVICE_AGGREGATES,
            SITE_AGGREGATES,
            DEVICE_ALERTS,
            LATE_READINGS,
            CLICKS,
            CATALOG,
            RECOMMENDATIONS);

    private TopicCatalog() {}

    /**
     * The dead-letter topic of a service: rejected records with their original key and value
     * bytes, and the error in {@code __streams.errors.*} headers.
     */
    public static TopicSpec<byte[]> deadLetter(String service) {
        return new TopicSpec<>(
                service + ".dlq",
                "as on the source topic",
                byte[].class,
                1,
                CleanupPolicy.DELETE,
                Duration.ofDays(14),
                service,
                "Records " + service + " could not process, with the reason in headers.");
    }

    private static <V> TopicSpec<V> stream(
            String name, String key, Class<V> type, Duration retention, String producer, String description) {
        return new TopicSpec<>(
                name, key, type, STREAM_PARTITIONS, CleanupPolicy.DELETE, retention, producer, description);
    }

    private static <V> TopicSpec<V> table(
            String name, String key, Class<V> type, int partitions, String producer, String description) {
        return new TopicSpec<>(name, key, type, partitions, CleanupPolicy.COMPACT, null, producer, description);
    }
}
