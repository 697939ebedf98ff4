package dev.streamsuite.benchmarks;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.ClickType;
import dev.streamsuite.schemas.common.GeoLocation;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.Thresholds;
import dev.streamsuite.schemas.payments.Channel;
import dev.streamsuite.schemas.payments.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;

/**
 * The seeded input of each domain. Event times lie in the {@link #SPAN} before the start of the
 * run, in order, so that every record is on time and none is ahead of its Kafka timestamp.
 */
final class Datasets {

    /**
     * Where records go: a topic, a key, a value and the record's timestamp. Reference data is
     * stamped before the events, so a service working off the backlog (which Kafka Streams orders
     * by timestamp) knows every device and item before their first event.
     */
    interface Sink {
        void send(String topic, String key, SpecificRecord value, Instant timestamp);
    }

    /** One domain's input: its input topic, what it holds, and how to write it. */
    interface Dataset {
        String name();

        String inputTopic();

        /** The input records (reference data excluded). */
        long events();

        /** Reference data (devices, catalog), then the events, all seeded. */
        void write(Sink sink, Instant end);

        /** One live event with event time {@code now}, for the latency runs; its id is {@code id}. */
        SpecificRecord live(String id, Random random, Instant now);

        /** The key of a live event. */
        String keyOf(SpecificRecord event);
    }

    static final Duration SPAN = Duration.ofHours(3);

    private Datasets() {}

    /** {@code payments} payments over {@code cards} cards, half of them located near the card's home. */
    static Dataset payments(int payments, int cards) {
        return payments(payments, cards, TopicCatalog.TRANSACTIONS.name());
    }

    /** The same payments in {@code topic} (of six partitions), for a pipeline that wants a backlog of its own. */
    static Dataset payments(int payments, int cards, String topic) {
        return new Dataset() {
            @Override
            public String name() {
                return topic.equals(TopicCatalog.TRANSACTIONS.name()) ? "payments" : "payments in " + topic;
            }

            @Override
            public String inputTopic() {
                return topic;
            }

            @Override
            public long events() {
                return payments;
            }

            @Override
            public void write(Sink sink, Instant end) {
                var random = new Random(42);
                Instant start = end.minus(SPAN);
                long step = SPAN.toMillis() / payments;
                for (int i = 0; i < payments; i++) {
                    var payment =
                            payment("tx-" + i, "card-" + random.nextInt(cards), random, start.plusMillis(i * step));
                    sink.send(inputTopic(), payment.getCardId(), payment, payment.getEventTime());
                }
            }

            @Override
            public SpecificRecord live(String id, Random random, Instant now) {
                return payment(id, "live-card-" + random.nextInt(cards), random, now);
            }

            @Override
            public String keyOf(SpecificRecord event) {
                return ((Transaction) event).getCardId();
            }
        };
    }

    private static Transaction payment(String id, String card, Random random, Instant at) {
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setCardId(card)
                .setAccountId("acct-" + card)
                .setMerchantId("m-" + random.nextInt(5_000))
                .setMerchantCategoryCode("54" + (10 + random.nextInt(90)))
                .setAmountMinor(100 + (long) (random.nextDouble() * 20_000))
                .setCurrency("EUR")
                .setCountry("FR")
                .setLocation(random.nextBoolean() ? nearHome(card, random) : null)
                .setChannel(Channel.CARD_PRESENT)
                .setEventTime(at)
                .build();
    }

    /**
     * Within about 5 km of the card's home, a place in France fixed by the card id: a card does not
     * jump across the country between payments, so impossible travel stays as rare as it is.
     */
    private static GeoLocation nearHome(String card, Random random) {
        int home = Math.floorMod(card.hashCode(), 6_000 * 8_000);
        return new GeoLocation(
                43 + (home % 6_000) / 1_000.0 + (random.nextDouble() - 0.5) * 0.1,
                -1 + (home / 6_000) / 1_000.0 + (random.nextDouble() - 0.5) * 0.1);
    }

    /** {@code readings} readings from {@code devices} registered devices on 50 sites, round robin. */
    static Dataset readings(int readings, int devices) {
        return readings(readings, devices, SPAN);
    }

    /**
     * {@code readings} readings from {@code devices} devices, their event times spread over {@code span}: a larger
     * backlog over a longer span keeps the readings per device and minute, and so the work per reading (window
     * closes, site records), where it was.
     */
    static Dataset readings(int readings, int devices, Duration span) {
        long step = span.toMillis() / readings;
        return readings(readings, devices, end -> end.minus(span), (start, i) -> start.plusMillis(i * step));
    }

    /**
     * Each of {@code devices} devices sends a reading a minute, for {@code minutes} minutes from a
     * whole minute on: every one-minute window holds every device, so each close of a minute's
     * windows (every minute's but the last, within the input) emits {@code devices} of them at once.
     */
    static Dataset readingsEveryMinute(int devices, int minutes) {
        return readings(
                devices * minutes,
                devices,
                end -> end.minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MINUTES),
                (start, i) ->
                        start.plus(Duration.ofMinutes(i / devices)).plusMillis((i % devices) * 60_000L / devices));
    }

    /** The time of the reading numbered {@code index} (from 0), its device {@code index % devices}. */
    private interface ReadingTimes {
        Instant at(Instant start, int index);
    }

    private static Dataset readings(int readings, int devices, UnaryOperator<Instant> startOf, ReadingTimes times) {
        return new Dataset() {
            @Override
            public String name() {
                return "readings";
            }

            @Override
            public String inputTopic() {
                return TopicCatalog.SENSOR_READINGS.name();
            }

            @Override
            public long events() {
                return readings;
            }

            @Override
            public void write(Sink sink, Instant end) {
                Instant start = startOf.apply(end);
                for (int d = 0; d < devices; d++) {
                    sink.send(
                            TopicCatalog.DEVICES.name(),
                            "dev-" + d,
                            Device.newBuilder()
                                    .setDeviceId("dev-" + d)
                                    .setSiteId("site-" + (d % 50))
                                    .setSensorType("temperature")
                                    .setUnit("celsius")
                                    .setThresholds(new Thresholds(-5.0, 35.0, 5.0))
                                    .setUpdatedAt(start.minusSeconds(60))
                                    .build(),
                            start.minusSeconds(60));
                }
                var random = new Random(42);
                for (int i = 0; i < readings; i++) {
                    String device = "dev-" + (i % devices);
                    Instant at = times.at(start, i);
                    sink.send(inputTopic(), device, reading("r-" + i, device, random, at), at);
                }
            }

            @Override
            public SpecificRecord live(String id, Random random, Instant now) {
                return reading(id, "dev-" + random.nextInt(devices), random, now);
            }

            @Override
            public String keyOf(SpecificRecord event) {
                return ((SensorReading) event).getDeviceId();
            }
        };
    }

    private static SensorReading reading(String id, String device, Random random, Instant at) {
        return SensorReading.newBuilder()
                .setReadingId(id)
                .setDeviceId(device)
                .setValue(20 + random.nextGaussian())
                .setEventTime(at)
                .build();
    }

    /**
     * {@code clicks} clicks of {@code users} shoppers on {@code items} items in 20 categories:
     * sessions of 3 to 8 clicks in one category, each of a random shopper; 10% carts, 5% purchases.
     */
    static Dataset clicks(int clicks, int users, int items) {
        return clicks(clicks, users, items, false);
    }

    /** One click per shopper, shoppers in turn: {@code min(clicks, users)} distinct shoppers. */
    static Dataset oneClickPerShopper(int clicks, int users, int items) {
        return clicks(clicks, users, items, true);
    }

    private static Dataset clicks(int clicks, int users, int items, boolean oneEach) {
        return new Dataset() {
            @Override
            public String name() {
                return "clicks";
            }

            @Override
            public String inputTopic() {
                return TopicCatalog.CLICKS.name();
            }

            @Override
            public long events() {
                return clicks;
            }

            @Override
            public void write(Sink sink, Instant end) {
                Instant start = end.minus(SPAN);
                for (int i = 0; i < items; i++) {
                    sink.send(
                            TopicCatalog.CATALOG.name(),
                            "item-" + i,
                            CatalogItem.newBuilder()
                                    .setItemId("item-" + i)
                                    .setTitle("Item " + i)
                                    .setCategory("category-" + (i % 20))
                                    .setActive(true)
                                    .setUpdatedAt(start.minusSeconds(60))
                                    .build(),
                            start.minusSeconds(60));
                }
                var random = new Random(42);
                long step = SPAN.toMillis() / clicks;
                int sent = 0;
                while (sent < clicks) {
                    String user = "user-" + (oneEach ? sent % users : random.nextInt(users));
                    int category = random.nextInt(20);
                    int length = oneEach ? 1 : 3 + random.nextInt(6);
                    for (int c = 0; c < length && sent < clicks; c++, sent++) {
                        int item = category + 20 * random.nextInt(items / 20);
                        Instant at = start.plusMillis(sent * step);
                        sink.send(inputTopic(), user, click("e-" + sent, user, "item-" + item, random, at), at);
                    }
                }
            }

            @Override
            public SpecificRecord live(String id, Random random, Instant now) {
                return click(id, "live-user-" + random.nextInt(users), "item-" + random.nextInt(items), random, now);
            }

            @Override
            public String keyOf(SpecificRecord event) {
                return ((ClickEvent) event).getUserId();
            }
        };
    }

    private static ClickEvent click(String id, String user, String item, Random random, Instant at) {
        double roll = random.nextDouble();
        return ClickEvent.newBuilder()
                .setEventId(id)
                .setUserId(user)
                .setAccountId(null)
                .setItemId(item)
                .setType(roll < 0.05 ? ClickType.PURCHASE : roll < 0.15 ? ClickType.CART : ClickType.VIEW)
                .setSessionId(null)
                .setEventTime(at)
                .build();
    }
}
