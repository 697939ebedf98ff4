package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.BlockedEntry;
import dev.streamsuite.fraud.domain.BlockedKind;
import dev.streamsuite.fraud.domain.Cooldown;
import dev.streamsuite.fraud.domain.PaymentFacts;
import dev.streamsuite.fraud.state.CardProfile;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.KeyPlacement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Evaluates each payment of a card against the rules in force and the card's state, and
 * emits the payment's decision with the alerts it raised. Card state is keyed by card id,
 * which is the input key, so no repartitioning is needed.
 */
final class PaymentEvaluator implements FixedKeyProcessor<String, Transaction, Evaluation> {

    private final FraudSettings settings;
    private final ActiveRules activeRules;
    private FixedKeyProcessorContext<String, Evaluation> context;
    private KeyPlacement keyPlacement;
    private KeyValueStore<String, CardProfile> cards;
    private TimestampedKeyValueStore<String, BlocklistEntry> blocklist;

    PaymentEvaluator(FraudSettings settings, ActiveRules activeRules) {
        this.settings = settings;
        this.activeRules = activeRules;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Evaluation> context) {
        this.context = context;
        this.keyPlacement = KeyPlacement.of(context);
        this.cards = context.getStateStore(FraudTopology.CARD_STATE_STORE);
        this.blocklist = context.getStateStore(FraudTopology.BLOCKLIST_STORE);
        context.schedule(settings.state().expiryScanInterval(), PunctuationType.STREAM_TIME, this::forgetInactiveCards);
    }

    @Override
    public void process(FixedKeyRecord<String, Transaction> record) {
        keyPlacement.check(record.key());
        PaymentFacts payment =
                PaymentValidation.validate(record.key(), record.value(), settings.maxAmountMinor(), record.timestamp());
        CardState card = CardState.from(cards.get(payment.cardId()));

        var alerts = new ArrayList<FraudAlert>();
        var scores = new ArrayList<Double>();
        var fired = new ArrayList<String>();
        for (ConfiguredRule rule : activeRules.inForce()) {
            var hit = rule.rule().evaluate(card.history(), payment, this::blocked);
            if (hit.isEmpty()) {
                continue;
            }
            scores.add(hit.get().score());
            fired.add(rule.ruleId());
            Instant lastAlert = card.lastAlertTimes().get(rule.ruleId());
            if (Cooldown.allows(lastAlert, payment.eventTime(), rule.cooldown())) {
                alerts.add(AlertFactory.alert(rule, hit.get(), payment));
                card = card.withAlert(rule.ruleId(), payment.eventTime());
            }
        }

        cards.put(payment.cardId(), remember(card, payment).toProfile());
        var decision = AlertFactory.decision(payment, settings.decisions().decide(scores), fired);
        context.forward(record.withValue(new Evaluation(decision, List.copyOf(alerts))));
    }

    private CardState remember(CardState card, PaymentFacts payment) {
        Instant newest = card.lastEventTime().isAfter(payment.eventTime()) ? card.lastEventTime() : payment.eventTime();
        boolean tooLate = payment.eventTime()
                .isBefore(card.lastEventTime().minus(settings.state().grace()));
        var history = tooLate
                ? card.history()
                : card.history()
                        .withPayment(
                                payment,
                                settings.state().historyRetention(),
                                settings.state().maxHistoryEntries(),
                                settings.amountAnomaly().baselineAlpha());
        return new CardState(history, card.lastAlertTimes(), newest);
    }

    private Optional<BlockedEntry> blocked(BlockedKind kind, String value) {
        var stored = blocklist.get(kind.name() + ":" + value);
        if (stored == null || stored.value() == null) {
            return Optional.empty();
        }
        BlocklistEntry entry = stored.value();
        if (!entry.getKind().name().equals(kind.name()) || !entry.getValue().equals(value)) {
            return Optional.empty();
        }
        return Optional.of(new BlockedEntry(kind, value, entry.getReason(), entry.getExpiresAt()));
    }

    private void forgetInactiveCards(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(settings.state().cardInactivity());
        var expired = new ArrayList<String>();
        try (var all = cards.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.getLastEventTime().isBefore(cutoff)) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(cards::delete);
    }
}
