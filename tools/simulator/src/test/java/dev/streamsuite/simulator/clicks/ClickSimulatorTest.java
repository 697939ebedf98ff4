package dev.streamsuite.simulator.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.clickstream.CatalogItem;
import dev.streamsuite.schemas.clickstream.ClickEvent;
import dev.streamsuite.schemas.clickstream.ClickType;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.simulator.CompromisedAccounts;
import dev.streamsuite.simulator.GroundTruth;
import dev.streamsuite.simulator.RecordingEmit;
import dev.streamsuite.simulator.clicks.ClickSimulator.Settings;
import dev.streamsuite.simulator.payments.PaymentsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClickSimulatorTest {

    private static final Instant START = Instant.parse("2025-03-10T08:00:00Z");
    private static final InstantSource WALL = InstantSource.fixed(Instant.parse("2025-03-10T08:00:00.789Z"));
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String CLICKS = TopicCatalog.CLICKS.name();

    private final RecordingEmit emit = new RecordingEmit();

    private ClickSimulator simulator(
            long seed, int shoppers, int items, CompromisedAccounts accounts, Settings settings) {
        return new ClickSimulator(seed, shoppers, items, emit, WALL, accounts, settings);
    }

    private List<ClickEvent> clicks() {
        return emit.values(CLICKS, ClickEvent.class);
    }

    @Test
    void theCatalogSpreadsItemsOverEightCategories() {
        ClickSimulator simulator = simulator(1, 10, 100, CompromisedAccounts.NONE, Settings.defaults());
        simulator.publishReferenceData();

        List<RecordingEmit.Sent> sent = emit.on(TopicCatalog.CATALOG.name());
        assertThat(sent).hasSize(100);
        assertThat(sent).allMatch(s -> s.key().equals(((CatalogItem) s.value()).getItemId()));
        List<CatalogItem> items = emit.values(TopicCatalog.CATALOG.name(), CatalogItem.class);
        assertThat(items).allMatch(CatalogItem::getActive).allMatch(item -> !item.getTitle()
                .isBlank());
        assertThat(items.stream().map(CatalogItem::getItemId)).doesNotHaveDuplicates();
        Map<String, Long> perCategory =
                items.stream().collect(Collectors.groupingBy(CatalogItem::getCategory, Collectors.counting()));
        assertThat(perCategory.keySet()).containsExactlyInAnyOrderElementsOf(ClickSimulator.CATEGORIES);
        assertThat(perCategory.values()).allMatch(count -> count >= 12 && count <= 13);
        assertThat(simulator.categoryOf(items.get(0).getItemId()))
                .contains(items.get(0).getCategory());
    }

    @Test
    void sessionsAreThreeToTenViewsWithCartsAndPurchasesOfViewedItems() {
        ClickSimulator simulator = simulator(2, 300, 400, CompromisedAccounts.NONE, Settings.defaults());
        simulator.publishReferenceData();
        RecordingEmit.run(START, START.plus(Duration.ofHours(1)), SECOND, simulator);
        Map<String, String> categories = emit.values(TopicCatalog.CATALOG.name(), CatalogItem.class).stream()
                .collect(Collectors.toMap(CatalogItem::getItemId, CatalogItem::getCategory));

        List<ClickEvent> clicks = clicks();
        assertThat(clicks).hasSizeGreaterThan(10_000);
        assertThat(clicks.stream().map(ClickEvent::getEventId)).doesNotHaveDuplicates();
        assertThat(emit.on(CLICKS)).allMatch(s -> s.key().equals(((ClickEvent) s.value()).getUserId()));
        Map<String, List<ClickEvent>> sessions = clicks.stream()
                .collect(Collectors.groupingBy(ClickEvent::getSessionId, LinkedHashMap::new, Collectors.toList()));
        assertThat(sessions).hasSizeGreaterThan(1_500);

        int sameCategory = 0;
        int steps = 0;
        int purchases = 0;
        for (List<ClickEvent> session : sessions.values()) {
            assertThat(session.stream().map(ClickEvent::getUserId).distinct()).hasSize(1);
            List<ClickEvent> views =
                    session.stream().filter(c -> c.getType() == ClickType.VIEW).toList();
            if (session.get(session.size() - 1).getEventTime().isBefore(START.plus(Duration.ofMinutes(50)))) {
                assertThat(views).hasSizeBetween(3, 10);
            }
            Set<String> viewed = new HashSet<>();
            Set<String> carted = new HashSet<>();
            for (ClickEvent click : session) {
                switch (click.getType()) {
                    case VIEW -> viewed.add(click.getItemId());
                    case CART -> {
                        assertThat(viewed).contains(click.getItemId());
                        carted.add(click.getItemId());
                    }
                    case PURCHASE -> {
                        assertThat(carted).contains(click.getItemId());
                        purchases++;
                    }
                    default -> throw new AssertionError("unexpected click type " + click.getType());
                }
            }
            for (int i = 1; i < views.size(); i++) {
                steps++;
                if (categories
                        .get(views.get(i).getItemId())
                        .equals(categories.get(views.get(i - 1).getItemId()))) {
                    sameCategory++;
                }
            }
        }
        assertThat(purchases).isPositive();
        // Companions and the session's category keep most steps within one category (at random: one in eight).
        assertThat((double) sameCategory / steps).isGreaterThan(0.6);
        // A user has one account or none, always the same.
        Map<String, Set<String>> accounts = clicks.stream()
                .collect(Collectors.groupingBy(
                        ClickEvent::getUserId,
                        Collectors.mapping(c -> String.valueOf(c.getAccountId()), Collectors.toSet())));
        assertThat(accounts.values()).allMatch(set -> set.size() == 1);
        assertThat(simulator.drainGroundTruth()).isEmpty();
    }

    @Test
    void aBotUsesTheAccountOfACardInAVelocityBurst() {
        RecordingEmit payments = new RecordingEmit();
        PaymentsSimulator paymentsSimulator = new PaymentsSimulator(
                3, 30, payments, WALL, PaymentsSimulator.Settings.defaults().withScenariosPerSecond(0));
        ClickSimulator simulator =
                simulator(3, 50, 100, paymentsSimulator, Settings.defaults().withBotSessionsPerSecond(0));
        Instant t = RecordingEmit.run(START, START.plus(Duration.ofMinutes(5)), SECOND, paymentsSimulator, simulator);
        assertThat(simulator.startBotSession(t)).isEmpty();

        paymentsSimulator.startScenario(PaymentsSimulator.Scenario.VELOCITY, t).orElseThrow();
        t = RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofSeconds(40)), SECOND, paymentsSimulator, simulator);
        GroundTruth velocity = paymentsSimulator.drainGroundTruth().get(0);
        String account = payments.values(TopicCatalog.TRANSACTIONS.name(), Transaction.class).stream()
                .filter(tx -> tx.getTransactionId().equals(velocity.triggerEventId()))
                .findFirst()
                .orElseThrow()
                .getAccountId();

        String id = simulator.startBotSession(t).orElseThrow();
        assertThat(simulator.scenariosInProgress()).isTrue();
        RecordingEmit.run(t.plus(SECOND), t.plus(Duration.ofMinutes(2)), SECOND, paymentsSimulator, simulator);
        assertThat(simulator.scenariosInProgress()).isFalse();

        GroundTruth truth = simulator.drainGroundTruth().get(0);
        assertThat(truth.scenarioId()).isEqualTo(id);
        assertThat(truth.domain()).isEqualTo("clickstream");
        assertThat(truth.kind()).isEqualTo("BOT_SESSION");
        assertThat(truth.expectsAlert()).isFalse();
        List<ClickEvent> bot = clicks().stream()
                .filter(c -> c.getUserId().equals(truth.entityId()))
                .toList();
        assertThat(bot)
                .hasSize(30)
                .allMatch(c -> account.equals(c.getAccountId()))
                .allMatch(c -> c.getType() == ClickType.VIEW);
        assertThat(bot.get(0).getEventId()).isEqualTo(truth.triggerEventId());
        assertThat(bot.get(0).getEventTime()).isEqualTo(truth.from());
        assertThat(bot.get(29).getEventTime()).isEqualTo(truth.to());
        assertThat(Duration.between(truth.from(), truth.to())).isLessThan(Duration.ofMinutes(1));
        assertThat(truth.sentAt()).isEqualTo(WALL.instant());
        // Each compromised account makes one bot.
        assertThat(simulator.startBotSession(t.plus(Duration.ofMinutes(2)))).isEmpty();
    }
}
