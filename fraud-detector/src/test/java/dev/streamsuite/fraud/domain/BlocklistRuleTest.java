package dev.streamsuite.fraud.domain;

import static dev.streamsuite.fraud.domain.Payments.ACCOUNT;
import static dev.streamsuite.fraud.domain.Payments.CARD;
import static dev.streamsuite.fraud.domain.Payments.MERCHANT;
import static dev.streamsuite.fraud.domain.Payments.T0;
import static dev.streamsuite.fraud.domain.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.schemas.payments.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlocklistRuleTest {

    private final BlocklistRule rule = new BlocklistRule();
    private final Payment payment = payment("tx-1", T0);

    private static BlocklistLookup lookupOf(BlockedEntry... entries) {
        Map<String, BlockedEntry> byKey = new HashMap<>();
        for (BlockedEntry entry : entries) {
            byKey.put(entry.kind() + ":" + entry.value(), entry);
        }
        return (kind, value) -> Optional.ofNullable(byKey.get(kind + ":" + value));
    }

    private static BlockedEntry blocked(BlockedKind kind, String value, Instant expiresAt) {
        return new BlockedEntry(kind, value, kind.name().toLowerCase() + " reported", expiresAt);
    }

    @Test
    void doesNotFireWhenNothingIsBlocked() {
        assertThat(rule.evaluate(payment, lookupOf())).isEmpty();
    }

    @Test
    void firesCriticallyForABlockedCard() {
        RuleHit hit = rule.evaluate(payment, lookupOf(new BlockedEntry(BlockedKind.CARD, CARD, "stolen", null)))
                .orElseThrow();

        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(hit.reason()).isEqualTo("card card-1 is blocked: stolen");
        assertThat(hit.transactionIds()).containsExactly("tx-1");
        assertThat(hit.windowStart()).isNull();
        assertThat(hit.windowEnd()).isNull();
        assertThat(hit.figures()).isEmpty();
    }

    @Test
    void firesForABlockedAccount() {
        assertThat(rule.evaluate(payment, lookupOf(blocked(BlockedKind.ACCOUNT, ACCOUNT, null))))
                .hasValueSatisfying(
                        hit -> assertThat(hit.reason()).isEqualTo("account account-1 is blocked: account reported"));
    }

    @Test
    void firesForABlockedMerchant() {
        assertThat(rule.evaluate(payment, lookupOf(blocked(BlockedKind.MERCHANT, MERCHANT, null))))
                .hasValueSatisfying(hit -> assertThat(hit.reason()).startsWith("merchant merchant-1 is blocked"));
    }

    @Test
    void anEntryExpiringAtThePaymentsEventTimeNoLongerApplies() {
        assertThat(rule.evaluate(payment, lookupOf(blocked(BlockedKind.CARD, CARD, T0))))
                .isEmpty();
    }

    @Test
    void anEntryExpiringJustAfterThePaymentStillApplies() {
        assertThat(rule.evaluate(payment, lookupOf(blocked(BlockedKind.CARD, CARD, T0.plusNanos(1)))))
                .isPresent();
    }

    @Test
    void anEntryThatExpiredLongAgoDoesNotApply() {
        assertThat(rule.evaluate(payment, lookupOf(blocked(BlockedKind.MERCHANT, MERCHANT, T0.minusSeconds(3_600)))))
                .isEmpty();
    }

    @Test
    void reportsTheCardBeforeTheAccountAndMerchant() {
        BlocklistLookup all = lookupOf(
                blocked(BlockedKind.MERCHANT, MERCHANT, null),
                blocked(BlockedKind.ACCOUNT, ACCOUNT, null),
                blocked(BlockedKind.CARD, CARD, null));

        assertThat(rule.evaluate(payment, all))
                .hasValueSatisfying(hit -> assertThat(hit.reason()).startsWith("card "));
    }

    @Test
    void reportsTheAccountBeforeTheMerchant() {
        BlocklistLookup both =
                lookupOf(blocked(BlockedKind.MERCHANT, MERCHANT, null), blocked(BlockedKind.ACCOUNT, ACCOUNT, null));

        assertThat(rule.evaluate(payment, both))
                .hasValueSatisfying(hit -> assertThat(hit.reason()).startsWith("account "));
    }

    @Test
    void skipsAnExpiredCardEntryAndReportsTheNextBlockedOne() {
        BlocklistLookup lookup =
                lookupOf(blocked(BlockedKind.CARD, CARD, T0), blocked(BlockedKind.MERCHANT, MERCHANT, null));

        assertThat(rule.evaluate(payment, lookup))
                .hasValueSatisfying(hit -> assertThat(hit.reason()).startsWith("merchant "));
    }

    @Test
    void stopsLookingAtTheFirstHit() {
        List<BlockedKind> asked = new ArrayList<>();
        BlocklistLookup lookup = (kind, value) -> {
            asked.add(kind);
            return kind == BlockedKind.ACCOUNT ? Optional.of(blocked(kind, value, null)) : Optional.empty();
        };

        rule.evaluate(payment, lookup);

        assertThat(asked).containsExactly(BlockedKind.CARD, BlockedKind.ACCOUNT);
    }

    @Test
    void asksForEachKindWithItsOwnId() {
        Map<BlockedKind, String> asked = new HashMap<>();
        rule.evaluate(payment, (kind, value) -> {
            asked.put(kind, value);
            return Optional.empty();
        });

        assertThat(asked)
                .containsOnly(
                        Map.entry(BlockedKind.CARD, CARD),
                        Map.entry(BlockedKind.ACCOUNT, ACCOUNT),
                        Map.entry(BlockedKind.MERCHANT, MERCHANT));
    }

    @Test
    void anEntryWithoutExpiryAppliesForever() {
        assertThat(blocked(BlockedKind.CARD, CARD, null).appliesAt(Instant.MAX)).isTrue();
    }
}
