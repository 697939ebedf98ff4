package dev.streamsuite.benchmarks.quality;

import dev.streamsuite.clickstream.domain.Interaction;
import dev.streamsuite.clickstream.domain.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A made-up shop whose shoppers follow a hidden structure, for measuring whether the model finds it.
 *
 * <p>Items belong to categories. Each item has 3 to 5 companions in its category that shoppers often view next
 * (the structure co-occurrence should learn). Each shopper prefers a category: 80% of their sessions stay in it.
 * A session is 3 to 8 views; the next view is an unvisited companion of the current item 60% of the time, one of a
 * few popular items 15% of the time (what a popularity baseline can get), and otherwise any unvisited item of the
 * session's category. After a view the shopper adds the item to the cart 15% of the time, and buys 40% of carted
 * items. Sessions start uniformly over {@code span}; the same seed always gives the same shop.
 */
public final class SyntheticShop {

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static final double PREFERRED_CATEGORY = 0.8;
    private static final double NEXT_IS_COMPANION = 0.6;
    private static final double NEXT_IS_POPULAR = 0.15;
    private static final double CART = 0.15;
    private static final double PURCHASE_AFTER_CART = 0.4;

    /** The size of the shop and of its traffic. */
    public record Shape(
            int categories, int itemsPerCategory, int users, int sessionsPerUser, int popularItems, Duration span) {

        public Shape {
            requirePositive("categories", categories);
            requirePositive("users", users);
            requirePositive("sessionsPerUser", sessionsPerUser);
            requirePositive("popularItems", popularItems);
            // A session of up to 8 views must always find an unvisited item in its category.
            if (itemsPerCategory < 8) {
                throw new IllegalArgumentException("itemsPerCategory must be at least 8, was " + itemsPerCategory);
            }
            if (popularItems > categories * itemsPerCategory) {
                throw new IllegalArgumentException("more popular items than items: " + popularItems);
            }
            if (span.isZero() || span.isNegative()) {
                throw new IllegalArgumentException("span must be positive, was " + span);
            }
        }

        /** 8 categories of 60 items, 600 shoppers with 8 sessions each, 12 popular items, over 28 days. */
        public static Shape defaults() {
            return new Shape(8, 60, 600, 8, 12, Duration.ofDays(28));
        }

        private static void requirePositive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
        }
    }

    /** One click of the shop's traffic. */
    public record Click(String userId, String sessionId, SessionEvent event) {

        public Click {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(event, "event");
        }
    }

    private final Shape shape;
    private final Random random;
    private final List<List<String>> itemsByCategory = new ArrayList<>();
    private final Map<String, List<String>> companions = new TreeMap<>();
    private final List<String> popular = new ArrayList<>();
    private final List<Click> clicks = new ArrayList<>();

    private SyntheticShop(long seed, Shape shape) {
        this.shape = shape;
        this.random = new Random(seed);
        createItems();
        createTraffic();
        // Stable: clicks at the same instant keep the order they were generated in.
        clicks.sort(Comparator.comparing((Click click) -> click.event().eventTime()));
    }

    public static SyntheticShop generate(long seed, Shape shape) {
        return new SyntheticShop(seed, shape);
    }

    public Shape shape() {
        return shape;
    }

    /** All clicks in event-time order. */
    public List<Click> clicks() {
        return List.copyOf(clicks);
    }

    /** The hidden structure: each item's companions. */
    public List<String> companionsOf(String itemId) {
        return companions.getOrDefault(itemId, List.of());
    }

    public List<String> popularItems() {
        return List.copyOf(popular);
    }

    private void createItems() {
        List<String> all = new ArrayList<>();
        for (int category = 0; category < shape.categories(); category++) {
            List<String> items = new ArrayList<>();
            for (int index = 0; index < shape.itemsPerCategory(); index++) {
                items.add(String.format("c%02d-i%03d", category, index));
            }
            itemsByCategory.add(items);
            all.addAll(items);
        }
        for (List<String> items : itemsByCategory) {
            for (String item : items) {
                int count = 3 + random.nextInt(3);
                List<String> chosen = new ArrayList<>();
                while (chosen.size() < count) {
                    String candidate = items.get(random.nextInt(items.size()));
                    if (!candidate.equals(item) && !chosen.contains(candidate)) {
                        chosen.add(candidate);
                    }
                }
                companions.put(item, List.copyOf(chosen));
            }
        }
        while (popular.size() < shape.popularItems()) {
            String candidate = all.get(random.nextInt(all.size()));
            if (!popular.contains(candidate)) {
                popular.add(candidate);
            }
        }
    }

    private void createTraffic() {
        long spanSeconds = shape.span().getSeconds();
        for (int user = 0; user < shape.users(); user++) {
            String userId = String.format("u%05d", user);
            int preferred = random.nextInt(shape.categories());
            for (int session = 0; session < shape.sessionsPerUser(); session++) {
                int category =
                        random.nextDouble() < PREFERRED_CATEGORY ? preferred : random.nextInt(shape.categories());
                Instant start = START.plusSeconds((long) (random.nextDouble() * spanSeconds));
                createSession(userId, userId + "-s" + session, category, start);
            }
        }
    }

    private void createSession(String userId, String sessionId, int category, Instant start) {
        List<String> categoryItems = itemsByCategory.get(category);
        int views = 3 + random.nextInt(6);
        Set<String> visited = new HashSet<>();
        Instant time = start;
        String current = null;
        for (int view = 0; view < views; view++) {
            current = next(current, categoryItems, visited);
            visited.add(current);
            clicks.add(new Click(userId, sessionId, new SessionEvent(current, Interaction.VIEW, time)));
            if (random.nextDouble() < CART) {
                time = time.plusSeconds(20 + random.nextInt(40));
                clicks.add(new Click(userId, sessionId, new SessionEvent(current, Interaction.CART, time)));
                if (random.nextDouble() < PURCHASE_AFTER_CART) {
                    time = time.plusSeconds(60 + random.nextInt(240));
                    clicks.add(new Click(userId, sessionId, new SessionEvent(current, Interaction.PURCHASE, time)));
                }
            }
            time = time.plusSeconds(30 + random.nextInt(150));
        }
    }

    private String next(String current, List<String> categoryItems, Set<String> visited) {
        double draw = random.nextDouble();
        if (current != null && draw < NEXT_IS_COMPANION) {
            List<String> unvisited = companionsOf(current).stream()
                    .filter(item -> !visited.contains(item))
                    .toList();
            if (!unvisited.isEmpty()) {
                return unvisited.get(random.nextInt(unvisited.size()));
            }
        } else if (draw >= NEXT_IS_COMPANION && draw < NEXT_IS_COMPANION + NEXT_IS_POPULAR) {
            String item = popular.get(random.nextInt(popular.size()));
            if (!visited.contains(item)) {
                return item;
            }
        }
        // Any unvisited item of the category; there is one, since a category has at least as many items as a session
        // has views.
        while (true) {
            String item = categoryItems.get(random.nextInt(categoryItems.size()));
            if (!visited.contains(item)) {
                return item;
            }
        }
    }
}
