package dev.streamsuite.simulator.payments;

import dev.streamsuite.fraud.domain.AmountBaseline;
import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.common.GeoLocation;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.BlocklistKind;
import dev.streamsuite.schemas.payments.Channel;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.RuleType;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.simulator.Checks;
import dev.streamsuite.simulator.CompromisedAccounts;
import dev.streamsuite.simulator.Emit;
import dev.streamsuite.simulator.GroundTruth;
import dev.streamsuite.simulator.Randoms;
import dev.streamsuite.simulator.ScenarioTraffic;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Card payments of a population of cards, with labelled fraud scenarios.
 *
 * <p>Every card has its own account, a home city, a typical amount (log-normal across cards, median 25.00 in the
 * minor unit of its currency) and a few favourite merchants: some in its home city, some online. Normal traffic is
 * tuned not to trip fraud-detector's default rules: a card pays at most once per {@link Settings#minPaymentGap()}
 * (two minutes by default), 70% of payments are located at the home city with a jitter of a few kilometres and 30%
 * are e-commerce without a location, and amounts stay within about 1.6 times the typical amount, never at or below
 * 2.00 nor at 100.00 or more.
 *
 * <p>Scenarios start at {@link Settings#scenariosPerSecond()} on a card that is quiet (no payment for 90 s),
 * not in another scenario and past the cool-off of its previous one; each records its {@link GroundTruth} when the
 * payment that should trigger the alert is sent:
 *
 * <ul>
 *   <li>{@link Scenario#VELOCITY}: 7 payments within 20 s; the 6th triggers.
 *   <li>{@link Scenario#AMOUNT_SPIKE}: one payment of 60 times the typical amount, on a card with at least 12 normal
 *       payments and only when the rule's baseline puts it more than 6 standard deviations above the mean.
 *   <li>{@link Scenario#IMPOSSIBLE_TRAVEL}: a located payment at home, then 10 minutes later one in a city at least
 *       3000 km away. The card then makes no located payment until it could have travelled back at 600 km/h.
 *   <li>{@link Scenario#BLOCKLISTED_MERCHANT}: an online payment at one of the merchants put on the blocklist by
 *       {@link #publishReferenceData()}.
 *   <li>{@link Scenario#CARD_TESTING}: 3 online payments of 0.50 to 1.50 within 2 minutes, then one of 200.00 or
 *       more within 4 minutes of the first. When the card has enough history for the amount-anomaly rule, the large
 *       payment is made at least 5 standard deviations above the card's mean and a second ground truth of kind
 *       {@code AMOUNT_ANOMALY} is recorded for the same scenario.
 * </ul>
 *
 * The simulator decides this with fraud-detector's own amount baseline and the settings of its application.yml,
 * assuming a detector that runs with them and has seen no other payments of these cards: use a new seed for each run
 * against the same cluster (card ids contain the seed).
 *
 * <p>Not thread-safe: drive it from one thread.
 */
public final class PaymentsSimulator extends ScenarioTraffic implements CompromisedAccounts {

    /** The kinds of injected fraud. */
    public enum Scenario {
        VELOCITY("VELOCITY"),
        AMOUNT_SPIKE("AMOUNT_ANOMALY"),
        IMPOSSIBLE_TRAVEL("IMPOSSIBLE_TRAVEL"),
        BLOCKLISTED_MERCHANT("BLOCKLIST"),
        CARD_TESTING("CARD_TESTING");

        private final String expectedAlert;

        Scenario(String expectedAlert) {
            this.expectedAlert = expectedAlert;
        }

        /** The rule type of the alert the scenario should raise, the kind of its ground truth. */
        public String expectedAlert() {
            return expectedAlert;
        }
    }

    /**
     * @param paymentsPerSecond normal payments per second across all cards; at most {@code cards / minPaymentGap}
     *     can be reached, a higher rate gives each card a payment every {@code minPaymentGap}; 0 for none
     * @param scenariosPerSecond expected number of scenarios started per second (a Poisson process); 0 for none
     * @param minPaymentGap shortest time between two normal payments of a card
     * @param scenarioCoolOff how long after a scenario ends its card takes part in no other scenario; longer than
     *     fraud-detector's alert cooldown (10 minutes), so that the next scenario's alert is not suppressed
     * @param scenarios the scenarios started at random; {@link #startScenario} starts any
     * @param compromisedAfter how long after a velocity burst's trigger its account is offered as compromised, to
     *     give the alert time to reach the click screen
     * @param compromisedFor how long after the trigger the account stays on offer
     */
    public record Settings(
            double paymentsPerSecond,
            double scenariosPerSecond,
            Duration minPaymentGap,
            Duration scenarioCoolOff,
            Set<Scenario> scenarios,
            Duration compromisedAfter,
            Duration compromisedFor) {

        public Settings {
            Checks.requireRate(paymentsPerSecond, "paymentsPerSecond");
            Checks.requireRate(scenariosPerSecond, "scenariosPerSecond");
            Checks.requirePositive(minPaymentGap, "minPaymentGap");
            Checks.requirePositive(scenarioCoolOff, "scenarioCoolOff");
            Objects.requireNonNull(compromisedAfter, "compromisedAfter");
            Checks.requirePositive(compromisedFor, "compromisedFor");
            scenarios = scenarios.isEmpty()
                    ? Collections.emptySet()
                    : Collections.unmodifiableSet(EnumSet.copyOf(scenarios));
        }

        /**
         * One payment per second across all cards, a scenario every 50 s on average, all scenarios, payments of a
         * card at least 2 minutes apart, 15 minutes of cool-off, accounts compromised from 10 s to 10 minutes after
         * the velocity trigger.
         */
        public static Settings defaults() {
            return new Settings(
                    1.0,
                    0.02,
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(15),
                    EnumSet.allOf(Scenario.class),
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(10));
        }

        public Settings withPaymentsPerSecond(double rate) {
            return new Settings(
                    rate,
                    scenariosPerSecond,
                    minPaymentGap,
                    scenarioCoolOff,
                    scenarios,
                    compromisedAfter,
                    compromisedFor);
        }

        public Settings withScenariosPerSecond(double rate) {
            return new Settings(
                    paymentsPerSecond,
                    rate,
                    minPaymentGap,
                    scenarioCoolOff,
                    scenarios,
                    compromisedAfter,
                    compromisedFor);
        }

        public Settings withScenarios(Set<Scenario> enabled) {
            return new Settings(
                    paymentsPerSecond,
                    scenariosPerSecond,
                    minPaymentGap,
                    scenarioCoolOff,
                    enabled,
                    compromisedAfter,
                    compromisedFor);
        }
    }

    /** Payments of a velocity burst. */
    public static final int VELOCITY_BURST_PAYMENTS = 7;
    /** All payments of a velocity burst lie within this span. */
    public static final Duration VELOCITY_BURST_SPAN = Duration.ofSeconds(20);
    /**
     * fraud-detector's settings, from its application.yml: the scenarios are built to cross its limits, and the
     * velocity rule the simulator publishes takes its values.
     */
    static final FraudSettings DETECTOR = ServiceSettings.shipped("fraud", FraudSettings.class);
    /** The spike is this many times the card's typical amount. */
    public static final int SPIKE_FACTOR = 60;
    /** Normal payments a card needs before an amount spike. */
    public static final int MIN_PAYMENTS_BEFORE_SPIKE = 12;
    /** Time between the payment at home and the one far away. */
    public static final Duration TRAVEL_DELAY = Duration.ofMinutes(10);
    /** Smallest distance between the home city and the far one. */
    public static final double MIN_TRAVEL_KM = 3_000.0;
    /** Small payments of a card-testing run. */
    public static final int TESTING_SMALL_PAYMENTS = 3;

    public static final long TESTING_SMALL_MIN_MINOR = 50;
    public static final long TESTING_SMALL_MAX_MINOR = 150;
    public static final long TESTING_LARGE_MIN_MINOR = 20_000;
    public static final long TESTING_LARGE_MAX_MINOR = 40_000;

    private static final String TRANSACTIONS_TOPIC = TopicCatalog.TRANSACTIONS.name();
    private static final String BLOCKLIST_TOPIC = TopicCatalog.BLOCKLIST.name();

    /**
     * A card must have been quiet this long before a scenario starts on it, so that only the scenario's payments are in
     * the velocity rule's one-minute window.
     */
    private static final Duration QUIET_BEFORE_SCENARIO = Duration.ofSeconds(90);
    /** Speed at which a card is assumed to travel back after an impossible trip, well under the rule's 900 km/h. */
    private static final double RETURN_SPEED_KMH = 600.0;
    /** An amount spike is only made when the rule would see it this many standard deviations above the mean. */
    private static final double SPIKE_MIN_Z_SCORE = 6.0;
    /** A card-testing large payment on a card with enough history is made at least this anomalous. */
    private static final double TESTING_LARGE_MIN_Z_SCORE = 5.0;

    private static final double LOCATED_SHARE = 0.7;
    private static final double CONTACTLESS_SHARE = 0.6;
    /** Half the side of the square around the city centre where located payments happen, in degrees of latitude. */
    private static final double JITTER_DEGREES = 0.02;

    private static final double TYPICAL_AMOUNT_MEDIAN = 2_500.0;
    private static final double TYPICAL_AMOUNT_SIGMA = 0.5;
    private static final long TYPICAL_AMOUNT_MIN = 400;
    private static final long TYPICAL_AMOUNT_MAX = 5_000;
    private static final double AMOUNT_SIGMA = 0.3;
    /** Normal amounts are typical * exp(sigma * z) with z clamped to +-this: at most 1.57 times the typical one. */
    private static final double AMOUNT_Z_LIMIT = 1.5;

    private static final long MIN_NORMAL_AMOUNT = 250;

    private static final int LOCAL_MERCHANTS_PER_CITY = 40;
    private static final int ONLINE_MERCHANTS = 60;
    private static final int FAVOURITE_LOCAL_MERCHANTS = 4;
    private static final int FAVOURITE_ONLINE_MERCHANTS = 2;
    private static final int BLOCKED_MERCHANTS = 3;
    private static final List<String> LOCAL_MCCS = List.of("5411", "5812", "5814", "5541", "5912", "5311", "5999");
    private static final List<String> ONLINE_MCCS = List.of("5732", "5942", "4121", "5815", "5691");
    private static final List<String> ONLINE_COUNTRIES = List.of("IE", "LU", "NL", "US", "GB");

    private record Merchant(String id, String mcc, String country, City city) {}

    private record Step(Instant due, Consumer<Instant> action) {}

    private record Compromise(String accountId, Instant at) {}

    private static final class Card {
        final int index;
        final String cardId;
        final String accountId;
        final City home;
        final long typicalAmount;
        final List<Merchant> localMerchants;
        final List<Merchant> onlineMerchants;
        /** The card's amount baseline as fraud-detector keeps it. */
        AmountBaseline baseline = AmountBaseline.empty();

        int normalPayments;
        Instant lastPaymentAt;
        Instant nextPaymentAt;
        Instant noLocatedUntil = Instant.MIN;
        Instant coolOffUntil = Instant.MIN;
        ActiveScenario scenario;

        Card(
                int index,
                String cardId,
                String accountId,
                City home,
                long typicalAmount,
                List<Merchant> localMerchants,
                List<Merchant> onlineMerchants) {
            this.index = index;
            this.cardId = cardId;
            this.accountId = accountId;
            this.home = home;
            this.typicalAmount = typicalAmount;
            this.localMerchants = localMerchants;
            this.onlineMerchants = onlineMerchants;
        }
    }

    private static final class ActiveScenario {
        final String id;
        final Scenario kind;
        final Card card;
        final ArrayDeque<Step> steps = new ArrayDeque<>();
        final List<Transaction> sent = new ArrayList<>();

        ActiveScenario(String id, Scenario kind, Card card) {
            this.id = id;
            this.kind = kind;
            this.card = card;
        }

        /** Steps must be added in the order of their due times. */
        void at(Instant due, Consumer<Instant> action) {
            steps.add(new Step(due, action));
        }

        Instant firstEventTime() {
            return sent.get(0).getEventTime();
        }
    }

    private final InstantSource wallClock;
    private final Settings settings;
    private final Random trafficRandom;
    private final List<Card> cards;
    private final List<Merchant> blockedMerchants;
    private final PriorityQueue<Card> schedule = new PriorityQueue<>(
            Comparator.comparing((Card card) -> card.nextPaymentAt).thenComparingInt(card -> card.index));
    private final List<ActiveScenario> active = new ArrayList<>();
    private final List<Compromise> compromised = new ArrayList<>();
    private long transactions;

    /** With the {@linkplain Settings#defaults() default settings}. */
    public PaymentsSimulator(long seed, int cards, Emit emit, InstantSource wallClock) {
        this(seed, cards, emit, wallClock, Settings.defaults());
    }

    /**
     * @param seed fixes every draw: the same seed and the same ticks emit the same records
     * @param wallClock gives {@link GroundTruth#sentAt()}; nothing else depends on it except the blocklist entries'
     *     {@code addedAt}
     */
    public PaymentsSimulator(long seed, int cards, Emit emit, InstantSource wallClock, Settings settings) {
        super(seed, Objects.requireNonNull(emit, "emit"), "pay", 0x6672617564L);
        if (cards < 1) {
            throw new IllegalArgumentException("cards must be at least 1, was " + cards);
        }
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trafficRandom = Randoms.forPurpose(seed, 0x7061796d656e7473L);
        Random setup = Randoms.forPurpose(seed, 0x7365747570L);
        List<Card> population = new ArrayList<>(cards);
        for (int i = 0; i < cards; i++) {
            population.add(newCard(i, setup));
        }
        this.cards = List.copyOf(population);
        List<Merchant> blocked = new ArrayList<>();
        for (int k = 1; k <= BLOCKED_MERCHANTS; k++) {
            blocked.add(new Merchant("m-" + seed + "-blocked-" + k, k % 2 == 0 ? "7995" : "5967", "MT", null));
        }
        this.blockedMerchants = List.copyOf(blocked);
    }

    private Card newCard(int index, Random setup) {
        City home = Randoms.pick(setup, City.ALL);
        long typical = Math.round(TYPICAL_AMOUNT_MEDIAN * Math.exp(TYPICAL_AMOUNT_SIGMA * setup.nextGaussian()));
        typical = Math.max(TYPICAL_AMOUNT_MIN, Math.min(TYPICAL_AMOUNT_MAX, typical));
        Set<Integer> local = new LinkedHashSet<>();
        while (local.size() < FAVOURITE_LOCAL_MERCHANTS) {
            local.add(setup.nextInt(LOCAL_MERCHANTS_PER_CITY));
        }
        Set<Integer> online = new LinkedHashSet<>();
        while (online.size() < FAVOURITE_ONLINE_MERCHANTS) {
            online.add(setup.nextInt(ONLINE_MERCHANTS));
        }
        return new Card(
                index,
                "card-" + seed + "-" + index,
                "acct-" + seed + "-" + index,
                home,
                typical,
                local.stream().map(k -> localMerchant(home, k)).toList(),
                online.stream().map(this::onlineMerchant).toList());
    }

    private Merchant localMerchant(City city, int k) {
        return new Merchant(
                "m-" + seed + "-" + city.code() + "-" + k, LOCAL_MCCS.get(k % LOCAL_MCCS.size()), city.country(), city);
    }

    private Merchant onlineMerchant(int k) {
        return new Merchant(
                "m-" + seed + "-web-" + k,
                ONLINE_MCCS.get(k % ONLINE_MCCS.size()),
                ONLINE_COUNTRIES.get(k % ONLINE_COUNTRIES.size()),
                null);
    }

    public Settings settings() {
        return settings;
    }

    /** The ids of the cards, in the order of their index. */
    public List<String> cardIds() {
        return cards.stream().map(card -> card.cardId).toList();
    }

    /** The merchants {@link #publishReferenceData()} puts on the blocklist; normal traffic never uses them. */
    public List<String> blockedMerchantIds() {
        return blockedMerchants.stream().map(Merchant::id).toList();
    }

    /** Payments emitted so far, normal and scenario ones. */
    public long transactionsSent() {
        return transactions;
    }

    /**
     * Emits a {@code MERCHANT} blocklist entry, never expiring, for each blocked merchant. No rules: the built-in ones
     * apply.
     */
    @Override
    public void publishReferenceData() {
        Instant addedAt = wallClock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (Merchant merchant : blockedMerchants) {
            BlocklistEntry entry = BlocklistEntry.newBuilder()
                    .setEntryId("bl-" + merchant.id())
                    .setKind(BlocklistKind.MERCHANT)
                    .setValue(merchant.id())
                    .setReason("simulated fraudulent merchant")
                    .setAddedAt(addedAt)
                    .setExpiresAt(null)
                    .build();
            emit.send(BLOCKLIST_TOPIC, BlocklistKind.MERCHANT.name() + ":" + merchant.id(), entry);
        }
        // The velocity rule as an explicit instance, with fraud-detector's configured parameters:
        // the rules topic then shows how rules are published, and alerts name version 1.
        var velocity = DETECTOR.velocity();
        emit.send(
                TopicCatalog.FRAUD_RULES.name(),
                "velocity",
                FraudRule.newBuilder()
                        .setRuleId("velocity")
                        .setVersion(1)
                        .setType(RuleType.VELOCITY)
                        .setParameters(Map.of(
                                "maxPayments",
                                Integer.toString(velocity.maxPayments()),
                                "window",
                                velocity.window().toString()))
                        .setEnabled(true)
                        .setDescription("more than " + velocity.maxPayments() + " payments of a card within "
                                + velocity.window() + " (published by the simulator)")
                        .setUpdatedAt(addedAt)
                        .build());
    }

    @Override
    protected void advance(Instant t, double seconds) {
        Instant forgetBefore = t.minus(settings.compromisedFor());
        compromised.removeIf(c -> c.at().isBefore(forgetBefore));
        startScenarios(settings.scenariosPerSecond(), seconds, () -> startRandomScenario(t));
        runScenarios(t);
        runNormalTraffic(t);
    }

    @Override
    protected void begin(Instant t) {
        if (settings.paymentsPerSecond() <= 0) {
            return;
        }
        // Spread the first payments over the time in which each card pays once, so that the cards stay out of step.
        long spreadMillis =
                Math.max(meanInterval().toMillis(), settings.minPaymentGap().toMillis());
        for (Card card : cards) {
            card.nextPaymentAt = t.plusMillis(Math.floorMod(trafficRandom.nextLong(), spreadMillis));
            schedule.add(card);
        }
    }

    private Duration meanInterval() {
        return Duration.ofMillis(Math.round(cards.size() / settings.paymentsPerSecond() * 1000.0));
    }

    private Duration nextInterval() {
        Duration extra = meanInterval().minus(settings.minPaymentGap());
        if (extra.isNegative() || extra.isZero()) {
            return settings.minPaymentGap();
        }
        return settings.minPaymentGap().plus(Randoms.exponential(trafficRandom, extra));
    }

    private void runNormalTraffic(Instant t) {
        while (!schedule.isEmpty() && !schedule.peek().nextPaymentAt.isAfter(t)) {
            Card card = schedule.poll();
            if (card.scenario == null) {
                send(card, normalPayment(card, t, trafficRandom));
                card.normalPayments++;
            }
            card.nextPaymentAt = t.plus(nextInterval());
            schedule.add(card);
        }
    }

    private void runScenarios(Instant t) {
        for (Iterator<ActiveScenario> it = active.iterator(); it.hasNext(); ) {
            ActiveScenario scenario = it.next();
            while (!scenario.steps.isEmpty() && !scenario.steps.peek().due().isAfter(t)) {
                scenario.steps.poll().action().accept(t);
            }
            if (scenario.steps.isEmpty()) {
                it.remove();
                finish(scenario, t);
            }
        }
    }

    private void finish(ActiveScenario scenario, Instant t) {
        Card card = scenario.card;
        card.scenario = null;
        card.coolOffUntil = t.plus(settings.scenarioCoolOff());
        // Keep the next normal payment out of the scenario's velocity window.
        Instant earliest = t.plus(settings.minPaymentGap());
        if (card.nextPaymentAt != null && card.nextPaymentAt.isBefore(earliest) && schedule.remove(card)) {
            card.nextPaymentAt = earliest;
            schedule.add(card);
        }
    }

    private void startRandomScenario(Instant t) {
        startAnyOf(settings.scenarios(), kind -> startScenario(kind, t).isPresent());
    }

    /**
     * Starts a scenario now on a card that qualifies, whatever the settings; its records are emitted from the next
     * tick on (the first ones by the next tick itself).
     *
     * @return the scenario id, or empty when no card qualifies right now
     */
    public Optional<String> startScenario(Scenario kind, Instant now) {
        Objects.requireNonNull(kind, "kind");
        Instant t = notBeforeLastTick(now);
        Card card = findEligible(cards, candidate -> isEligible(candidate, kind, t));
        if (card == null) {
            return Optional.empty();
        }
        ActiveScenario scenario = new ActiveScenario(nextScenarioId(), kind, card);
        card.scenario = scenario;
        switch (kind) {
            case VELOCITY -> planVelocity(scenario, t);
            case AMOUNT_SPIKE -> planAmountSpike(scenario, t);
            case IMPOSSIBLE_TRAVEL -> planImpossibleTravel(scenario, t);
            case BLOCKLISTED_MERCHANT -> planBlocklisted(scenario, t);
            case CARD_TESTING -> planCardTesting(scenario, t);
        }
        active.add(scenario);
        return Optional.of(scenario.id);
    }

    private boolean isEligible(Card card, Scenario kind, Instant t) {
        if (card.scenario != null || t.isBefore(card.coolOffUntil)) {
            return false;
        }
        if (card.lastPaymentAt != null && card.lastPaymentAt.isAfter(t.minus(QUIET_BEFORE_SCENARIO))) {
            return false;
        }
        return switch (kind) {
            case AMOUNT_SPIKE ->
                card.normalPayments >= MIN_PAYMENTS_BEFORE_SPIKE
                        && card.baseline.count() >= DETECTOR.amountAnomaly().minHistory()
                        && card.baseline.zScore(
                                        spikeAmount(card),
                                        DETECTOR.amountAnomaly().minStdDevMinor())
                                > SPIKE_MIN_Z_SCORE;
            case IMPOSSIBLE_TRAVEL -> !t.isBefore(card.noLocatedUntil);
            case VELOCITY, BLOCKLISTED_MERCHANT, CARD_TESTING -> true;
        };
    }

    /** The smallest whole amount the baseline puts at least {@code zScore} standard deviations above its mean. */
    private static long amountWithZScore(AmountBaseline baseline, double zScore) {
        double stdDev = Math.max(baseline.stdDev(), DETECTOR.amountAnomaly().minStdDevMinor());
        return (long) Math.ceil(baseline.mean() + zScore * stdDev) + 1;
    }

    private static long spikeAmount(Card card) {
        return card.typicalAmount * SPIKE_FACTOR;
    }

    private void planVelocity(ActiveScenario scenario, Instant t) {
        List<Long> offsets = new ArrayList<>();
        offsets.add(0L);
        for (int i = 1; i < VELOCITY_BURST_PAYMENTS; i++) {
            offsets.add(Randoms.between(scenarioRandom, 1L, VELOCITY_BURST_SPAN.toMillis()));
        }
        Collections.sort(offsets);
        Card card = scenario.card;
        for (long offset : offsets) {
            scenario.at(t.plusMillis(offset), time -> {
                Transaction tx = normalPayment(card, time, scenarioRandom);
                send(card, tx);
                scenario.sent.add(tx);
                if (scenario.sent.size() == DETECTOR.velocity().maxPayments() + 1) {
                    record(scenario, Scenario.VELOCITY.expectedAlert(), scenario.firstEventTime(), tx);
                    compromised.add(new Compromise(card.accountId, time));
                }
            });
        }
    }

    private void planAmountSpike(ActiveScenario scenario, Instant t) {
        Card card = scenario.card;
        scenario.at(t, time -> {
            Transaction tx = usualPayment(card, time, scenarioRandom, spikeAmount(card));
            send(card, tx);
            scenario.sent.add(tx);
            record(scenario, Scenario.AMOUNT_SPIKE.expectedAlert(), time, tx);
        });
    }

    private void planImpossibleTravel(ActiveScenario scenario, Instant t) {
        Card card = scenario.card;
        List<City> far = City.ALL.stream()
                .filter(city -> city.distanceKm(card.home) >= MIN_TRAVEL_KM)
                .toList();
        City destination = Randoms.pick(scenarioRandom, far);
        scenario.at(t, time -> {
            Merchant merchant = Randoms.pick(scenarioRandom, card.localMerchants);
            Transaction tx = locatedPayment(card, merchant, time, normalAmount(card, scenarioRandom), scenarioRandom);
            send(card, tx);
            scenario.sent.add(tx);
        });
        scenario.at(t.plus(TRAVEL_DELAY), time -> {
            Merchant merchant = localMerchant(destination, scenarioRandom.nextInt(LOCAL_MERCHANTS_PER_CITY));
            Transaction tx = locatedPayment(card, merchant, time, normalAmount(card, scenarioRandom), scenarioRandom);
            send(card, tx);
            scenario.sent.add(tx);
            record(scenario, Scenario.IMPOSSIBLE_TRAVEL.expectedAlert(), scenario.firstEventTime(), tx);
            double hoursBack = (destination.distanceKm(card.home) + 50.0) / RETURN_SPEED_KMH;
            card.noLocatedUntil = time.plusSeconds((long) Math.ceil(hoursBack * 3600.0));
        });
    }

    private void planBlocklisted(ActiveScenario scenario, Instant t) {
        Card card = scenario.card;
        scenario.at(t, time -> {
            Merchant merchant = Randoms.pick(scenarioRandom, blockedMerchants);
            Transaction tx = onlinePayment(card, merchant, time, normalAmount(card, scenarioRandom));
            send(card, tx);
            scenario.sent.add(tx);
            record(scenario, Scenario.BLOCKLISTED_MERCHANT.expectedAlert(), time, tx);
        });
    }

    private void planCardTesting(ActiveScenario scenario, Instant t) {
        Card card = scenario.card;
        List<Long> smallOffsets = List.of(
                0L,
                Randoms.between(scenarioRandom, 15_000L, 50_000L),
                Randoms.between(scenarioRandom, 70_000L, 115_000L));
        for (long offset : smallOffsets) {
            scenario.at(t.plusMillis(offset), time -> {
                Merchant merchant = onlineMerchant(scenarioRandom.nextInt(ONLINE_MERCHANTS));
                long amount = Randoms.between(scenarioRandom, TESTING_SMALL_MIN_MINOR, TESTING_SMALL_MAX_MINOR);
                Transaction tx = onlinePayment(card, merchant, time, amount);
                send(card, tx);
                scenario.sent.add(tx);
            });
        }
        long largeOffset = Randoms.between(scenarioRandom, 150_000L, 240_000L);
        scenario.at(t.plusMillis(largeOffset), time -> {
            Merchant merchant = onlineMerchant(scenarioRandom.nextInt(ONLINE_MERCHANTS));
            long amount = Randoms.between(scenarioRandom, TESTING_LARGE_MIN_MINOR, TESTING_LARGE_MAX_MINOR);
            boolean anomalyRuleApplies =
                    card.baseline.count() >= DETECTOR.amountAnomaly().minHistory();
            if (anomalyRuleApplies) {
                amount = Math.max(amount, amountWithZScore(card.baseline, TESTING_LARGE_MIN_Z_SCORE));
            }
            Transaction tx = onlinePayment(card, merchant, time, amount);
            send(card, tx);
            scenario.sent.add(tx);
            record(scenario, Scenario.CARD_TESTING.expectedAlert(), scenario.firstEventTime(), tx);
            if (anomalyRuleApplies) {
                record(scenario, Scenario.AMOUNT_SPIKE.expectedAlert(), time, tx);
            }
        });
    }

    private void record(ActiveScenario scenario, String kind, Instant from, Transaction trigger) {
        record(new GroundTruth(
                scenario.id,
                GroundTruth.PAYMENTS,
                kind,
                scenario.card.cardId,
                from,
                trigger.getEventTime(),
                trigger.getTransactionId(),
                wallClock.instant()));
    }

    private Transaction normalPayment(Card card, Instant time, Random random) {
        return usualPayment(card, time, random, 0);
    }

    /**
     * A payment at one of the card's favourite merchants, located at home unless the card is travelling back.
     *
     * @param fixedAmount the amount, or 0 for a normal one
     */
    private Transaction usualPayment(Card card, Instant time, Random random, long fixedAmount) {
        boolean located = random.nextDouble() < LOCATED_SHARE && !time.isBefore(card.noLocatedUntil);
        Merchant merchant = Randoms.pick(random, located ? card.localMerchants : card.onlineMerchants);
        long amount = fixedAmount > 0 ? fixedAmount : normalAmount(card, random);
        return located
                ? locatedPayment(card, merchant, time, amount, random)
                : onlinePayment(card, merchant, time, amount);
    }

    private static long normalAmount(Card card, Random random) {
        double z = Randoms.clampedGaussian(random, AMOUNT_Z_LIMIT);
        return Math.max(MIN_NORMAL_AMOUNT, Math.round(card.typicalAmount * Math.exp(AMOUNT_SIGMA * z)));
    }

    /** A card-present payment at a merchant of a city, a little away from its centre. */
    private Transaction locatedPayment(Card card, Merchant merchant, Instant time, long amount, Random random) {
        City city = merchant.city();
        double latitude = city.latitude() + Randoms.between(random, -JITTER_DEGREES, JITTER_DEGREES);
        double longitude = city.longitude()
                + Randoms.between(random, -JITTER_DEGREES, JITTER_DEGREES) / Math.cos(Math.toRadians(city.latitude()));
        Channel channel = random.nextDouble() < CONTACTLESS_SHARE ? Channel.CONTACTLESS : Channel.CARD_PRESENT;
        return payment(card, merchant, amount, city.currency(), new GeoLocation(latitude, longitude), channel, time);
    }

    private Transaction onlinePayment(Card card, Merchant merchant, Instant time, long amount) {
        return payment(card, merchant, amount, card.home.currency(), null, Channel.ECOMMERCE, time);
    }

    private Transaction payment(
            Card card,
            Merchant merchant,
            long amount,
            String currency,
            GeoLocation location,
            Channel channel,
            Instant time) {
        transactions++;
        return Transaction.newBuilder()
                .setTransactionId("tx-" + seed + "-" + transactions)
                .setCardId(card.cardId)
                .setAccountId(card.accountId)
                .setMerchantId(merchant.id())
                .setMerchantCategoryCode(merchant.mcc())
                .setAmountMinor(amount)
                .setCurrency(currency)
                .setCountry(merchant.country())
                .setLocation(location)
                .setChannel(channel)
                .setEventTime(time)
                .build();
    }

    private void send(Card card, Transaction tx) {
        emit.send(TRANSACTIONS_TOPIC, card.cardId, tx);
        card.lastPaymentAt = tx.getEventTime();
        card.baseline = card.baseline.update(
                tx.getAmountMinor(), DETECTOR.amountAnomaly().baselineAlpha());
    }

    @Override
    public boolean scenariosInProgress() {
        return !active.isEmpty();
    }

    /**
     * The accounts of cards whose velocity burst triggered between {@link Settings#compromisedFor()} and {@link
     * Settings#compromisedAfter()} before {@code now}, oldest first.
     */
    @Override
    public List<String> compromisedAccounts(Instant now) {
        Instant newest = now.minus(settings.compromisedAfter());
        Instant oldest = now.minus(settings.compromisedFor());
        return compromised.stream()
                .filter(c -> !c.at().isAfter(newest) && !c.at().isBefore(oldest))
                .map(Compromise::accountId)
                .distinct()
                .toList();
    }
}
