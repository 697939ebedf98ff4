package dev.streamsuite.reliability;

import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.clickstream.topology.RecommenderTopics;
import dev.streamsuite.clickstream.topology.RecommenderTopology;
import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.fraud.topology.FraudTopics;
import dev.streamsuite.fraud.topology.FraudTopology;
import dev.streamsuite.iot.topology.IotSettings;
import dev.streamsuite.iot.topology.IotTopics;
import dev.streamsuite.iot.topology.IotTopology;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.ClickType;
import dev.streamsuite.schemas.clickstream.Recommendation;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.Thresholds;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.SamplePayments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The three services' workloads: seeded streams with realistic key counts, in event-time order. */
public final class Workloads {

    private Workloads() {}

    public static Workload of(String service) {
        return switch (service) {
            case "fraud-detector" -> new Payments();
            case "iot-aggregator" -> new Readings();
            case "clickstream-recommender" -> new Clicks();
            default -> throw new IllegalArgumentException("No workload for " + service);
        };
    }

    /**
     * When every stream starts: two hours ago. Streams span at most {@link #SPAN}, so every event
     * time is in the past (the broker refuses timestamps more than an hour ahead) and plausible.
     */
    private static Instant start() {
        return Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    private static final Duration SPAN = Duration.ofMinutes(100);

    /** {@code preferred} apart, or closer when {@code count} events would not fit in {@link #SPAN}. */
    private static long spacingMillis(long preferred, int count) {
        return Math.max(1, Math.min(preferred, SPAN.toMillis() / Math.max(1, count)));
    }

    /** Payments of 1,500 cards up to a quarter of a second apart; 3% large enough for the amount rule. */
    private static final class Payments extends Workload {
        Payments() {
            super(
                    "fraud-detector",
                    TopicCatalog.TRANSACTIONS.name(),
                    serdes -> new FraudTopology(
                            FraudTopics.from(serdes), ServiceSettings.shipped("fraud", FraudSettings.class)));
        }

        @Override
        public List<Event> stream(String run, int count) {
            var random = new Random(7);
            var events = new ArrayList<Event>();
            Instant start = start();
            long spacing = spacingMillis(250, count);
            for (int i = 0; i < count; i++) {
                String card = run + "card-" + random.nextInt(1_500);
                long amount = random.nextInt(100) < 3 ? 200_000 + random.nextInt(800_000) : 500 + random.nextInt(9_500);
                Instant at = start.plusMillis(spacing * i);
                events.add(new Event(
                        inputTopic(),
                        card,
                        SamplePayments.payment(run + "tx-" + i, card, "merchant-" + random.nextInt(50), amount, at),
                        at));
            }
            return events;
        }

        @Override
        public List<Event> invalid(String run) {
            Instant at = start();
            return List.of(new Event(
                    inputTopic(),
                    run + "card-invalid",
                    SamplePayments.payment(run + "tx-negative", run + "card-invalid", "merchant-1", -500, at),
                    at));
        }

        @Override
        public List<Output<?>> outputs() {
            return List.of(
                    new Output<>(
                            TopicCatalog.PAYMENT_DECISIONS.name(),
                            PaymentDecision.class,
                            PaymentDecision::getTransactionId,
                            decision -> decision.getOutcome().name(),
                            true),
                    new Output<>(
                            TopicCatalog.FRAUD_ALERTS.name(),
                            FraudAlert.class,
                            FraudAlert::getAlertId,
                            alert -> alert.getTransactionId() + " " + alert.getRuleId() + " " + alert.getSeverity(),
                            true));
        }
    }

    /**
     * Readings of 300 temperature sensors on 20 sites, one every few milliseconds, all within 8
     * minutes of event time: less than the site windows' grace, so no interleaving of partitions
     * after a fault can make a device window late at the site level, and the site roll-ups are as
     * deterministic as the device windows. Closing readings 20 and 22 minutes later close every
     * window of the stream.
     */
    private static final class Readings extends Workload {
        private static final int DEVICES = 300;
        private static final Duration SPAN = Duration.ofMinutes(8);

        private final Instant start = start();
        private Instant end;

        Readings() {
            super(
                    "iot-aggregator",
                    TopicCatalog.SENSOR_READINGS.name(),
                    serdes ->
                            new IotTopology(IotTopics.from(serdes), ServiceSettings.shipped("iot", IotSettings.class)));
        }

        @Override
        public List<Event> reference(String run) {
            var devices = new ArrayList<Event>();
            for (int d = 0; d < DEVICES; d++) {
                var device = Device.newBuilder()
                        .setDeviceId(device(run, d))
                        .setSiteId(run + "site-" + d % 20)
                        .setSensorType("temperature")
                        .setUnit("celsius")
                        .setThresholds(new Thresholds(null, 45.0, null))
                        .setUpdatedAt(start.minusSeconds(60))
                        .build();
                devices.add(
                        new Event(TopicCatalog.DEVICES.name(), device.getDeviceId(), device, start.minusSeconds(60)));
            }
            return devices;
        }

        @Override
        public List<Event> stream(String run, int count) {
            var random = new Random(11);
            long spacing = Math.max(1, SPAN.toMillis() / count);
            var readings = new ArrayList<Event>();
            for (int i = 0; i < count; i++) {
                String device = device(run, random.nextInt(DEVICES));
                double value = random.nextInt(100) < 2 ? 60 + random.nextDouble() * 20 : 15 + random.nextDouble() * 15;
                Instant at = start.plusMillis(spacing * i);
                readings.add(new Event(
                        inputTopic(), device, new SensorReading(run + "reading-" + i, device, value, at), at));
                end = at;
            }
            return readings;
        }

        /**
         * After {@link #stream}: a reading per device 20 minutes after the last, which closes every
         * device window of the stream; once those are consumed, one more 22 minutes after the last,
         * which closes the first's windows. Those move the site windows' clock (the newest closed
         * device window) past every site window of the stream and its grace. In one batch, a fast
         * partition's second windows could reach a site before a slow partition's stream windows
         * and make them late there.
         */
        @Override
        public List<List<Event>> closing(String run) {
            return List.of(closingReadings(run, 20), closingReadings(run, 22));
        }

        private List<Event> closingReadings(String run, int minutesAfterTheLast) {
            var closing = new ArrayList<Event>();
            Instant at = end.plus(Duration.ofMinutes(minutesAfterTheLast));
            for (int d = 0; d < DEVICES; d++) {
                String device = device(run, d);
                String id = run + "closing-" + minutesAfterTheLast + "-" + d;
                closing.add(new Event(inputTopic(), device, new SensorReading(id, device, 20.0, at), at));
            }
            return closing;
        }

        @Override
        public List<Event> invalid(String run) {
            String device = device(run, 0);
            return List.of(new Event(
                    inputTopic(), device, new SensorReading(run + "reading-hot", device, 1.0e6, start), start));
        }

        private static String device(String run, int index) {
            return run + "device-" + index;
        }

        @Override
        public List<Output<?>> outputs() {
            return List.of(
                    aggregates(TopicCatalog.DEVICE_AGGREGATES.name()),
                    aggregates(TopicCatalog.SITE_AGGREGATES.name()),
                    // Silence alerts follow the wall clock: only their ids are checked, for duplicates.
                    new Output<>(
                            TopicCatalog.DEVICE_ALERTS.name(),
                            DeviceAlert.class,
                            DeviceAlert::getAlertId,
                            alert -> alert.getType().name(),
                            false));
        }

        /** Site roll-ups add device windows in arrival order: their sums are compared to 9 significant digits. */
        private static Output<WindowedAggregate> aggregates(String topic) {
            return new Output<>(
                    topic,
                    WindowedAggregate.class,
                    WindowedAggregate::getAggregateId,
                    aggregate -> String.format(
                            "count %d min %.9g max %.9g mean %.9g sd %.9g first %.9g last %.9g",
                            aggregate.getCount(),
                            aggregate.getMin(),
                            aggregate.getMax(),
                            aggregate.getMean(),
                            aggregate.getStdDev(),
                            aggregate.getFirst(),
                            aggregate.getLast()),
                    true);
        }
    }

    /** Clicks of about five per shopper on 500 items, up to a tenth of a second apart: mostly views, some carts and purchases. */
    private static final class Clicks extends Workload {
        Clicks() {
            super(
                    "clickstream-recommender",
                    TopicCatalog.CLICKS.name(),
                    serdes -> new RecommenderTopology(
                            RecommenderTopics.from(serdes),
                            ServiceSettings.shipped("recommender", RecommenderSettings.class)));
        }

        @Override
        public List<Event> stream(String run, int count) {
            var random = new Random(13);
            var clicks = new ArrayList<Event>();
            Instant start = start();
            long spacing = spacingMillis(100, count);
            // About five clicks per shopper: sessions, and the item pairs they feed, stay the size real ones have.
            int shoppers = Math.max(2_000, count / 5);
            for (int i = 0; i < count; i++) {
                String user = run + "user-" + random.nextInt(shoppers);
                int roll = random.nextInt(100);
                var type = roll < 80 ? ClickType.VIEW : roll < 95 ? ClickType.CART : ClickType.PURCHASE;
                Instant at = start.plusMillis(spacing * i);
                var click = ClickEvent.newBuilder()
                        .setEventId(run + "click-" + i)
                        .setUserId(user)
                        .setItemId("item-" + random.nextInt(500))
                        .setType(type)
                        .setEventTime(at)
                        .build();
                clicks.add(new Event(inputTopic(), user, click, at));
            }
            return clicks;
        }

        @Override
        public List<Event> invalid(String run) {
            Instant at = start();
            String user = run + "user-invalid";
            var click = ClickEvent.newBuilder()
                    .setEventId(run + "click-without-item")
                    .setUserId(user)
                    .setItemId("")
                    .setType(ClickType.VIEW)
                    .setEventTime(at)
                    .build();
            return List.of(new Event(inputTopic(), user, click, at));
        }

        /**
         * Which clicks yield a recommendation, for whom and when, follows from each shopper's own
         * clicks; the items ranked also depend on when the global tables of related and trending
         * items caught up, which no recomputation can replay, so they are not compared.
         */
        @Override
        public List<Output<?>> outputs() {
            return List.of(new Output<>(
                    TopicCatalog.RECOMMENDATIONS.name(),
                    Recommendation.class,
                    Recommendation::getRecommendationId,
                    recommendation -> recommendation.getUserId() + " " + recommendation.getEventTime(),
                    true));
        }
    }
}
