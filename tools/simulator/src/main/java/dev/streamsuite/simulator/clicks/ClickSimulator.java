package dev.streamsuite.simulator.clicks;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.ClickType;
import dev.streamsuite.simulator.Checks;
import dev.streamsuite.simulator.CompromisedAccounts;
import dev.streamsuite.simulator.Emit;
import dev.streamsuite.simulator.GroundTruth;
import dev.streamsuite.simulator.Randoms;
import dev.streamsuite.simulator.ScenarioTraffic;
import dev.streamsuite.simulator.payments.PaymentsSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Shoppers browsing a catalog, and bots on compromised accounts.
 *
 * <p>The catalog's items are spread evenly over {@link #CATEGORIES}; within a category a few items are much more
 * popular than the rest, and every item has companions (three of its category, one of the next category) that
 * shoppers tend to look at next. A shopper has a preferred category and, mostly, an account. A session is 3 to 10
 * views, 5 to 40 s apart: 80% start in the preferred category, and each next item is a companion of the current one
 * (60%), another item of the session's category (30%) or any item (10%). A viewed item goes to the cart one time in
 * five; half of the sessions with a cart end in the purchase of every carted item.
 *
 * <p>{@link Scenario#BOT_SESSION}: a bot user, signed in with an account that {@link CompromisedAccounts} offers (a
 * card of that account just had a velocity burst), views 30 random items within a minute. Expected: the clicks are
 * excluded from the model because fraud-detector flagged the account; no alert. Each account is used by one bot.
 *
 * <p>Not thread-safe: drive it from one thread.
 */
public final class ClickSimulator extends ScenarioTraffic {

    /** The only scenario; its name is the ground truth kind. */
    public enum Scenario {
        BOT_SESSION
    }

    /**
     * @param sessionsPerSecond expected number of shopper sessions started per second (a Poisson process)
     * @param botSessionsPerSecond expected number of bot sessions started per second, when a compromised account is
     *     available; 0 for none
     * @param signedInShare share of the shoppers with an account
     */
    public record Settings(double sessionsPerSecond, double botSessionsPerSecond, double signedInShare) {

        public Settings {
            Checks.requireRate(sessionsPerSecond, "sessionsPerSecond");
            Checks.requireRate(botSessionsPerSecond, "botSessionsPerSecond");
            if (!(signedInShare >= 0.0 && signedInShare <= 1.0)) {
                throw new IllegalArgumentException("signedInShare must be within 0..1, was " + signedInShare);
            }
        }

        /** A session every 2 s, a bot every 200 s when an account is available, 70% of shoppers signed in. */
        public static Settings defaults() {
            return new Settings(0.5, 0.005, 0.7);
        }

        public Settings withSessionsPerSecond(double rate) {
            return new Settings(rate, botSessionsPerSecond, signedInShare);
        }

        public Settings withBotSessionsPerSecond(double rate) {
            return new Settings(sessionsPerSecond, rate, signedInShare);
        }
    }

    public static final List<String> CATEGORIES =
            List.of("electronics", "books", "home", "garden", "toys", "sports", "fashion", "grocery");

    public static final int MIN_SESSION_VIEWS = 3;
    public static final int MAX_SESSION_VIEWS = 10;
    public static final int BOT_CLICKS = 30;
    /** Time between two clicks of a bot: its 30 clicks take 58 s. */
    public static final Duration BOT_CLICK_INTERVAL = Duration.ofSeconds(2);

    private static final String CLICKS_TOPIC = TopicCatalog.CLICKS.name();
    private static final String CATALOG_TOPIC = TopicCatalog.CATALOG.name();
    private static final double PREFERRED_CATEGORY_SHARE = 0.8;
    private static final double COMPANION_SHARE = 0.6;
    private static final double SAME_CATEGORY_SHARE = 0.3;
    private static final double CART_PROBABILITY = 0.2;
    private static final double PURCHASE_PROBABILITY = 0.5;
    private static final int SAME_CATEGORY_COMPANIONS = 3;
    private static final int MAX_SHOPPER_PICKS = 10;
    private static final List<String> ADJECTIVES =
            List.of("Classic", "Compact", "Deluxe", "Eco", "Pro", "Smart", "Vintage", "Essential");
    private static final List<List<String>> NOUNS = List.of(
            List.of("Headphones", "Charger", "Speaker", "Keyboard", "Webcam", "Monitor"),
            List.of("Novel", "Cookbook", "Atlas", "Biography", "Thriller", "Poetry Collection"),
            List.of("Lamp", "Cushion", "Kettle", "Blanket", "Vase", "Wall Clock"),
            List.of("Hose", "Planter", "Shovel", "Seed Kit", "Bird Feeder", "Pruner"),
            List.of("Puzzle", "Robot", "Doll", "Board Game", "Kite", "Building Set"),
            List.of("Yoga Mat", "Football", "Water Bottle", "Dumbbell", "Tennis Racket", "Bike Light"),
            List.of("Scarf", "Sneakers", "Jacket", "Backpack", "Sunglasses", "Belt"),
            List.of("Coffee Beans", "Olive Oil", "Tea", "Chocolate", "Pasta", "Honey"));

    private record Item(int index, String itemId, int category, String title, List<Integer> companions) {}

    private record PlannedClick(Instant due, String itemId, ClickType type) {}

    private static final class Shopper {
        final String userId;
        final String accountId;
        final int preferredCategory;
        boolean browsing;

        Shopper(String userId, String accountId, int preferredCategory) {
            this.userId = userId;
            this.accountId = accountId;
            this.preferredCategory = preferredCategory;
        }
    }

    private static final class Session {
        final String sessionId;
        final String userId;
        final String accountId;
        final Shopper shopper;
        final String botScenarioId;
        final ArrayDeque<PlannedClick> clicks = new ArrayDeque<>();
        ClickEvent firstClick;
        Instant firstSentAt;
        Instant lastEventTime;

        Session(String sessionId, String userId, String accountId, Shopper shopper, String botScenarioId) {
            this.sessionId = sessionId;
            this.userId = userId;
            this.accountId = accountId;
            this.shopper = shopper;
            this.botScenarioId = botScenarioId;
        }
    }

    private final InstantSource wallClock;
    private final CompromisedAccounts compromisedAccounts;
    private final Settings settings;
    private final Random trafficRandom;
    private final List<Item> items;
    private final List<List<Item>> itemsByCategory;
    private final List<Shopper> shoppers;
    private final List<Session> sessions = new ArrayList<>();
    private final Set<String> usedAccounts = new HashSet<>();
    private long clicks;
    private long sessionCount;

    /** With the system clock, no compromised accounts (so no bots) and the default settings. */
    public ClickSimulator(long seed, int shoppers, int items, Emit emit) {
        this(seed, shoppers, items, emit, Clock.systemUTC(), CompromisedAccounts.NONE, Settings.defaults());
    }

    /**
     * @param seed fixes every draw: the same seed, the same ticks and the same compromised accounts emit the same
     *     records
     * @param items at least one per category
     * @param wallClock gives {@link GroundTruth#sentAt()} and the catalog's {@code updatedAt}
     * @param compromisedAccounts where bots get their accounts, usually the {@link PaymentsSimulator}
     */
    public ClickSimulator(
            long seed,
            int shoppers,
            int items,
            Emit emit,
            InstantSource wallClock,
            CompromisedAccounts compromisedAccounts,
            Settings settings) {
        super(seed, Objects.requireNonNull(emit, "emit"), "bot", 0x626f7473L);
        if (shoppers < 1) {
            throw new IllegalArgumentException("shoppers must be at least 1, was " + shoppers);
        }
        if (items < CATEGORIES.size()) {
            throw new IllegalArgumentException(
                    "items must be at least " + CATEGORIES.size() + " (one per category), was " + items);
        }
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.compromisedAccounts = Objects.requireNonNull(compromisedAccounts, "compromisedAccounts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trafficRandom = Randoms.forPurpose(seed, 0x636c69636b73L);
        Random setup = Randoms.forPurpose(seed, 0x636174616c6f67L);

        List<List<Integer>> indexesByCategory = new ArrayList<>();
        CATEGORIES.forEach(category -> indexesByCategory.add(new ArrayList<>()));
        for (int i = 0; i < items; i++) {
            indexesByCategory.get(i % CATEGORIES.size()).add(i);
        }
        List<Item> catalog = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            int category = i % CATEGORIES.size();
            String title =
                    Randoms.pick(setup, ADJECTIVES) + " " + Randoms.pick(setup, NOUNS.get(category)) + " #" + (i + 1);
            catalog.add(new Item(
                    i, "item-" + seed + "-" + i, category, title, companions(i, category, indexesByCategory, setup)));
        }
        this.items = List.copyOf(catalog);
        this.itemsByCategory = indexesByCategory.stream()
                .map(indexes -> indexes.stream().map(this.items::get).toList())
                .toList();

        List<Shopper> population = new ArrayList<>(shoppers);
        for (int i = 0; i < shoppers; i++) {
            boolean signedIn = setup.nextDouble() < settings.signedInShare();
            population.add(new Shopper(
                    "user-" + seed + "-" + i,
                    signedIn ? "shop-acct-" + seed + "-" + i : null,
                    setup.nextInt(CATEGORIES.size())));
        }
        this.shoppers = List.copyOf(population);
    }

    private static List<Integer> companions(
            int index, int category, List<List<Integer>> indexesByCategory, Random setup) {
        List<Integer> sameCategory = indexesByCategory.get(category);
        Set<Integer> chosen = new LinkedHashSet<>();
        int wanted = Math.min(SAME_CATEGORY_COMPANIONS, sameCategory.size() - 1);
        while (chosen.size() < wanted) {
            int candidate = popularIndex(sameCategory, setup);
            if (candidate != index) {
                chosen.add(candidate);
            }
        }
        List<Integer> nextCategory = indexesByCategory.get((category + 1) % indexesByCategory.size());
        chosen.add(popularIndex(nextCategory, setup));
        return List.copyOf(chosen);
    }

    /** An element of {@code indexes}, the first ones much more often than the last ones. */
    private static int popularIndex(List<Integer> indexes, Random random) {
        double u = random.nextDouble();
        return indexes.get((int) Math.floor(indexes.size() * u * u));
    }

    public Settings settings() {
        return settings;
    }

    /** Clicks emitted so far, of shoppers and bots. */
    public long clicksSent() {
        return clicks;
    }

    /** The category of an item of the catalog, e.g. {@code books}. */
    public Optional<String> categoryOf(String itemId) {
        return items.stream()
                .filter(item -> item.itemId().equals(itemId))
                .findFirst()
                .map(item -> CATEGORIES.get(item.category()));
    }

    /** Emits every catalog item, all active. */
    @Override
    public void publishReferenceData() {
        Instant updatedAt = wallClock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (Item item : items) {
            emit.send(
                    CATALOG_TOPIC,
                    item.itemId(),
                    CatalogItem.newBuilder()
                            .setItemId(item.itemId())
                            .setTitle(item.title())
                            .setCategory(CATEGORIES.get(item.category()))
                            .setActive(true)
                            .setUpdatedAt(updatedAt)
                            .build());
        }
    }

    @Override
    protected void advance(Instant t, double seconds) {
        int starts = Randoms.poisson(trafficRandom, settings.sessionsPerSecond() * seconds);
        for (int i = 0; i < starts; i++) {
            startShopperSession(t);
        }
        startScenarios(settings.botSessionsPerSecond(), seconds, () -> startBotSession(t));
        runSessions(t);
    }

    private void startShopperSession(Instant t) {
        Shopper shopper = null;
        for (int i = 0; i < MAX_SHOPPER_PICKS && shopper == null; i++) {
            Shopper candidate = Randoms.pick(trafficRandom, shoppers);
            if (!candidate.browsing) {
                shopper = candidate;
            }
        }
        if (shopper == null) {
            return;
        }
        sessionCount++;
        Session session =
                new Session("s-" + seed + "-" + sessionCount, shopper.userId, shopper.accountId, shopper, null);
        planShopperClicks(session, shopper, t);
        shopper.browsing = true;
        sessions.add(session);
    }

    private void planShopperClicks(Session session, Shopper shopper, Instant t) {
        Random random = trafficRandom;
        int views = (int) Randoms.between(random, MIN_SESSION_VIEWS, MAX_SESSION_VIEWS);
        int category = random.nextDouble() < PREFERRED_CATEGORY_SHARE
                ? shopper.preferredCategory
                : random.nextInt(CATEGORIES.size());
        Item current = popularItem(category, random);
        Instant at = t;
        List<Item> cart = new ArrayList<>();
        for (int v = 0; v < views; v++) {
            if (v > 0) {
                at = at.plus(Randoms.between(random, Duration.ofSeconds(5), Duration.ofSeconds(40)));
                current = nextItem(current, category, random);
            }
            session.clicks.add(new PlannedClick(at, current.itemId(), ClickType.VIEW));
            if (random.nextDouble() < CART_PROBABILITY) {
                at = at.plus(Randoms.between(random, Duration.ofSeconds(2), Duration.ofSeconds(10)));
                session.clicks.add(new PlannedClick(at, current.itemId(), ClickType.CART));
                cart.add(current);
            }
        }
        if (!cart.isEmpty() && random.nextDouble() < PURCHASE_PROBABILITY) {
            at = at.plus(Randoms.between(random, Duration.ofSeconds(20), Duration.ofSeconds(90)));
            for (Item item : cart) {
                session.clicks.add(new PlannedClick(at, item.itemId(), ClickType.PURCHASE));
                at = at.plusSeconds(1);
            }
        }
    }

    private Item popularItem(int category, Random random) {
        List<Item> inCategory = itemsByCategory.get(category);
        double u = random.nextDouble();
        return inCategory.get((int) Math.floor(inCategory.size() * u * u));
    }

    private Item nextItem(Item current, int category, Random random) {
        double u = random.nextDouble();
        if (u < COMPANION_SHARE) {
            return items.get(Randoms.pick(random, current.companions()));
        }
        if (u < COMPANION_SHARE + SAME_CATEGORY_SHARE) {
            return popularItem(category, random);
        }
        return Randoms.pick(random, items);
    }

    /**
     * Starts a bot session now with the oldest compromised account no bot has used yet, whatever the settings.
     *
     * @return the scenario id, or empty when no account is available
     */
    public Optional<String> startBotSession(Instant now) {
        Instant t = notBeforeLastTick(now);
        Optional<String> account = compromisedAccounts.compromisedAccounts(t).stream()
                .filter(candidate -> !usedAccounts.contains(candidate))
                .findFirst();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        usedAccounts.add(account.get());
        String scenarioId = nextScenarioId();
        Session session =
                new Session(null, "bot-user-" + seed + "-" + scenariosStarted(), account.get(), null, scenarioId);
        for (int i = 0; i < BOT_CLICKS; i++) {
            session.clicks.add(new PlannedClick(
                    t.plus(BOT_CLICK_INTERVAL.multipliedBy(i)),
                    Randoms.pick(scenarioRandom, items).itemId(),
                    ClickType.VIEW));
        }
        sessions.add(session);
        return Optional.of(scenarioId);
    }

    private void runSessions(Instant t) {
        for (Iterator<Session> it = sessions.iterator(); it.hasNext(); ) {
            Session session = it.next();
            while (!session.clicks.isEmpty() && !session.clicks.peek().due().isAfter(t)) {
                send(session, session.clicks.poll(), t);
            }
            if (session.clicks.isEmpty()) {
                it.remove();
                end(session);
            }
        }
    }

    private void send(Session session, PlannedClick planned, Instant t) {
        clicks++;
        ClickEvent click = ClickEvent.newBuilder()
                .setEventId("c-" + seed + "-" + clicks)
                .setUserId(session.userId)
                .setAccountId(session.accountId)
                .setItemId(planned.itemId())
                .setType(planned.type())
                .setSessionId(session.sessionId)
                .setEventTime(t)
                .build();
        emit.send(CLICKS_TOPIC, session.userId, click);
        if (session.firstClick == null) {
            session.firstClick = click;
            session.firstSentAt = wallClock.instant();
        }
        session.lastEventTime = t;
    }

    private void end(Session session) {
        if (session.shopper != null) {
            session.shopper.browsing = false;
        }
        if (session.botScenarioId != null) {
            record(new GroundTruth(
                    session.botScenarioId,
                    GroundTruth.CLICKSTREAM,
                    Scenario.BOT_SESSION.name(),
                    session.userId,
                    session.firstClick.getEventTime(),
                    session.lastEventTime,
                    session.firstClick.getEventId(),
                    session.firstSentAt));
        }
    }

    /** Whether a bot session is still clicking. */
    @Override
    public boolean scenariosInProgress() {
        return sessions.stream().anyMatch(session -> session.botScenarioId != null);
    }
}
