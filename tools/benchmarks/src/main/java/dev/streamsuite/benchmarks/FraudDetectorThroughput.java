package dev.streamsuite.benchmarks;

import dev.streamsuite.fraud.FraudDetectorApplication;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.common.GeoLocation;
import dev.streamsuite.schemas.payments.Channel;
import dev.streamsuite.schemas.payments.Transaction;
import java.time.Instant;
import java.util.Random;

/** fraud-detector's throughput. Usage: {@code FraudDetectorThroughput [payments] [cards]}. */
public final class FraudDetectorThroughput {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static final java.util.List<String> TOPICS = java.util.List.of(TopicCatalog.TRANSACTIONS.name());

    private FraudDetectorThroughput() {}

    public static void main(String[] args) throws Exception {
        int payments = ServiceBenchmark.intArg(args, 0, 200_000);
        int cards = ServiceBenchmark.intArg(args, 1, 20_000);
        String topic = TopicCatalog.TRANSACTIONS.name();
        ServiceBenchmark.run(
                "fraud-detector", FraudDetectorApplication.class, topic, TOPICS, payments, "payments", publisher -> {
                    var random = new Random(42);
                    for (int i = 0; i < payments; i++) {
                        String card = "card-" + random.nextInt(cards);
                        publisher.send(
                                topic,
                                card,
                                Transaction.newBuilder()
                                        .setTransactionId("tx-" + i)
                                        .setCardId(card)
                                        .setAccountId("acct-" + card)
                                        .setMerchantId("m-" + random.nextInt(5_000))
                                        .setMerchantCategoryCode("54" + (10 + random.nextInt(90)))
                                        .setAmountMinor(100 + (long) (random.nextDouble() * 20_000))
                                        .setCurrency("EUR")
                                        .setCountry("FR")
                                        .setLocation(
                                                random.nextBoolean()
                                                        ? new GeoLocation(
                                                                43 + random.nextDouble() * 6,
                                                                -1 + random.nextDouble() * 8)
                                                        : null)
                                        .setChannel(Channel.CARD_PRESENT)
                                        .setEventTime(T0.plusMillis(i * 50L))
                                        .build());
                    }
                });
    }
}
