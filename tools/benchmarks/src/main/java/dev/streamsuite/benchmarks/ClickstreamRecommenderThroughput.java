package dev.streamsuite.benchmarks;

import dev.streamsuite.clickstream.ClickstreamRecommenderApplication;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.ClickType;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * clickstream-recommender's throughput. Usage: {@code ClickstreamRecommenderThroughput [clicks] [users] [items]}.
 * Users browse in sessions of 3 to 8 clicks within one category, with some carts and purchases.
 */
public final class ClickstreamRecommenderThroughput {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<String> TOPICS = List.of(TopicCatalog.CLICKS.name(), TopicCatalog.CATALOG.name());

    private ClickstreamRecommenderThroughput() {}

    public static void main(String[] args) throws Exception {
        int clicks = ServiceBenchmark.intArg(args, 0, 200_000);
        int users = ServiceBenchmark.intArg(args, 1, 20_000);
        int items = ServiceBenchmark.intArg(args, 2, 2_000);
        String topic = TopicCatalog.CLICKS.name();
        ServiceBenchmark.run(
                "clickstream-recommender",
                ClickstreamRecommenderApplication.class,
                topic,
                TOPICS,
                clicks,
                "clicks",
                publisher -> {
                    var random = new Random(42);
                    for (int i = 0; i < items; i++) {
                        publisher.send(
                                TopicCatalog.CATALOG.name(),
                                "item-" + i,
                                CatalogItem.newBuilder()
                                        .setItemId("item-" + i)
                                        .setTitle("Item " + i)
                                        .setCategory("category-" + (i % 20))
                                        .setActive(true)
                                        .setUpdatedAt(T0)
                                        .build());
                    }
                    int sent = 0;
                    long second = 0;
                    while (sent < clicks) {
                        String user = "user-" + random.nextInt(users);
                        int category = random.nextInt(20);
                        int length = 3 + random.nextInt(6);
                        for (int c = 0; c < length && sent < clicks; c++, sent++) {
                            int item = category + 20 * random.nextInt(items / 20);
                            double roll = random.nextDouble();
                            var type = roll < 0.05 ? ClickType.PURCHASE : roll < 0.15 ? ClickType.CART : ClickType.VIEW;
                            publisher.send(
                                    topic,
                                    user,
                                    ClickEvent.newBuilder()
                                            .setEventId("e-" + sent)
                                            .setUserId(user)
                                            .setAccountId(null)
                                            .setItemId("item-" + item)
                                            .setType(type)
                                            .setSessionId(null)
                                            .setEventTime(T0.plusSeconds(second++))
                                            .build());
                        }
                    }
                });
    }
}
