package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.BlockedEntry;
import dev.streamsuite.fraud.domain.BlockedKind;
import dev.streamsuite.fraud.domain.CardHistory;
import dev.streamsuite.fraud.domain.Cooldown;
import dev.streamsuite.fraud.domain.Payment;
import dev.streamsuite.fraud.state.CardState;
import dev.streamsuite.schemas.payments.BlocklistEntry;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.KeyPlacement;
import dev.streamsuite.streams.StoreSweep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private KeyValueStore<String, CardState> cards;
    private TimestampedKeyValueStore<String, BlocklistEntry> blocklist;
    private StoreSweep<CardState> expirySweep;

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
        this.expirySweep = new StoreSweep<>(cards, settings.state().expiryScanBatch());
        context.schedule(settings.state().expiryScanInterval(), PunctuationType.STREAM_TIME, this::forgetInactiveCards);
    }

    @Override
    public void process(FixedKeyRecord<String, Transaction> record) {
        keyPlacement.check(record.key());
        Payment payment =
                PaymentValidation.validate(record.key(), record.value(), settings.maxAmountMinor(), record.timestamp());
        CardState stored = cards.get(payment.cardId());
        CardHistory history = CardStates.history(stored);
        Map<String, Instant> lastAlertTimes = CardStates.lastAlertTimes(stored);
        Instant lastEventTime = CardStates.lastEventTime(stored);

        var alerts = new ArrayList<FraudAlert>();
        var scores = new ArrayList<Double>();
        var fired = new ArrayList<String>();
        for (ConfiguredRule rule : activeRules.inForce()) {
            var hit = rule.rule().evaluate(history, payment, this::blocked);
            if (hit.isEmpty()) {
                continue;
            }
            scores.add(hit.get().score());
            fired.add(rule.ruleId());
            if (Cooldown.allows(lastAlertTimes.get(rule.ruleId()), payment.eventTime(), rule.cooldown())) {
                alerts.add(AlertFactory.alert(rule, hit.get(), payment));
                lastAlertTimes.put(rule.ruleId(), payment.eventTime());
            }
        }

        Instant newest = lastEventTime.isAfter(payment.eventTime()) ? lastEventTime : payment.eventTime();
        cards.put(
                payment.cardId(), CardStates.state(remember(history, lastEventTime, payment), lastAlertTimes, newest));
        var decision = AlertFactory.decision(payment, settings.decisions().decide(scores), fired);
        context.forward(record.withValue(new Evaluation(decision, List.copyOf(alerts))));
    }

    /** The history with the payment, unless it is later than the grace behind the card's newest payment. */
    private CardHistory remember(CardHistory history, Instant lastEventTime, Payment payment) {
        if (payment.eventTime().isBefore(lastEventTime.minus(settings.state().grace()))) {
            return history;
        }
        return history.withPayment(
                payment,
                settings.state().historyRetention(),
                settings.state().maxHistoryEntries(),
                settings.amountAnomaly().baselineAlpha());
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

    /**
     * Removes cards idle for longer than the inactivity period, a batch of cards per scan, so a
     * scan's work (inside one transaction) is bounded whatever the number of cards.
     */
    private void forgetInactiveCards(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(settings.state().cardInactivity());
        expirySweep.sweep((card, state) -> state.getLastEventTime() < cutoff.toEpochMilli());
    }
}
