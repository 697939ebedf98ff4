package dev.streamsuite.fraud.domain;

import static dev.streamsuite.fraud.domain.Payments.LONDON;
import static dev.streamsuite.fraud.domain.Payments.PARIS;
import static dev.streamsuite.fraud.domain.Payments.T0;
import static dev.streamsuite.fraud.domain.Payments.atSeconds;
import static dev.streamsuite.fraud.domain.Payments.historyOf;
import static dev.streamsuite.fraud.domain.Payments.located;
import static dev.streamsuite.fraud.domain.Payments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardHistoryTest {

    private static final double ALPHA = 0.1;

    private static final Duration DAY = Duration.ofDays(1);

    private static List<String> ids(List<PastPayment> payments) {
        return payments.stream().map(PastPayment::transactionId).toList();
    }

    @Test
    void emptyHoldsNothing() {
        CardHistory empty = CardHistory.empty();

        assertThat(empty.payments()).isEmpty();
        assertThat(empty.baseline()).isEqualTo(AmountBaseline.empty());
        assertThat(empty.newestEventTime()).isEmpty();
    }

    @Test
    void keepsWhatTheRulesNeedOfAPayment() {
        Payment p = new Payment("tx-1", "card-1", "acc", "m", "5411", 1_234, "EUR", PARIS, T0);

        CardHistory history = CardHistory.empty().withPayment(p, DAY, 10, ALPHA);

        assertThat(history.payments()).containsExactly(new PastPayment("tx-1", 1_234, PARIS, T0));
        assertThat(history.newestEventTime()).contains(T0);
        assertThat(history.contains("tx-1")).isTrue();
        assertThat(history.contains("tx-2")).isFalse();
    }

    @Test
    void insertsALatePaymentAtItsPlaceInEventTime() {
        CardHistory history = historyOf(
                payment("a", atSeconds(0)),
                payment("c", atSeconds(20)),
                payment("d", atSeconds(30)),
                payment("b", atSeconds(10)));

        assertThat(ids(history.payments())).containsExactly("a", "b", "c", "d");
    }

    @Test
    void insertsAPaymentOlderThanAllAtTheFront() {
        CardHistory history = historyOf(payment("b", atSeconds(10)), payment("a", atSeconds(0)));

        assertThat(ids(history.payments())).containsExactly("a", "b");
    }

    @Test
    void keepsArrivalOrderForEqualEventTimes() {
        CardHistory history = historyOf(
                payment("x", atSeconds(10)),
                payment("first", atSeconds(5)),
                payment("second", atSeconds(5)),
                payment("third", atSeconds(5)));

        assertThat(ids(history.payments())).containsExactly("first", "second", "third", "x");
    }

    @Test
    void withPaymentLeavesTheOriginalUnchanged() {
        CardHistory original = historyOf(payment("a", T0));

        CardHistory updated = original.withPayment(payment("b", atSeconds(1)), DAY, 10, ALPHA);

        assertThat(ids(original.payments())).containsExactly("a");
        assertThat(original.baseline().count()).isEqualTo(1);
        assertThat(ids(updated.payments())).containsExactly("a", "b");
        assertThat(updated.baseline().count()).isEqualTo(2);
    }

    @Test
    void paymentsCannotBeModifiedThroughTheAccessor() {
        CardHistory history = historyOf(payment("a", T0));

        assertThatThrownBy(() -> history.payments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRedeliveredPaymentChangesNothing() {
        CardHistory history = historyOf(payment("a", T0, 1_000), payment("b", atSeconds(10), 2_000));

        CardHistory again = history.withPayment(payment("a", T0, 1_000), DAY, 10, ALPHA);

        assertThat(again).isSameAs(history);
    }

    @Test
    void retentionKeepsAPaymentExactlyAtTheCutoff() {
        Duration retention = Duration.ofMinutes(5);
        CardHistory history = CardHistory.empty()
                .withPayment(payment("old", atSeconds(300)), retention, 100, ALPHA)
                .withPayment(payment("new", atSeconds(600)), retention, 100, ALPHA);

        assertThat(ids(history.payments())).containsExactly("old", "new");
    }

    @Test
    void retentionDropsPaymentsOlderThanTheCutoff() {
        Duration retention = Duration.ofMinutes(5);
        CardHistory history = CardHistory.empty()
                .withPayment(payment("old", atSeconds(300).minusNanos(1)), retention, 100, ALPHA)
                .withPayment(payment("kept", atSeconds(301)), retention, 100, ALPHA)
                .withPayment(payment("new", atSeconds(600)), retention, 100, ALPHA);

        assertThat(ids(history.payments())).containsExactly("kept", "new");
    }

    @Test
    void keepsALatePaymentWithinTheRetention() {
        Duration retention = Duration.ofMinutes(5);
        CardHistory history = CardHistory.empty()
                .withPayment(payment("a", atSeconds(400)), retention, 100, ALPHA)
                .withPayment(payment("newest", atSeconds(600)), retention, 100, ALPHA)
                .withPayment(payment("late", atSeconds(350)), retention, 100, ALPHA);

        assertThat(ids(history.payments())).containsExactly("late", "a", "newest");
    }

    @Test
    void aPaymentTooLateForTheRetentionIsNotKeptButCountsInTheBaseline() {
        Duration retention = Duration.ofMinutes(5);
        CardHistory history = CardHistory.empty()
                .withPayment(payment("newest", atSeconds(600)), retention, 100, ALPHA)
                .withPayment(payment("too-late", atSeconds(100)), retention, 100, ALPHA);

        assertThat(ids(history.payments())).containsExactly("newest");
        assertThat(history.baseline().count()).isEqualTo(2);
    }

    @Test
    void maxEntriesDropsTheOldestInEventTime() {
        CardHistory history = CardHistory.empty();
        for (int i = 0; i < 4; i++) {
            history = history.withPayment(payment("tx-" + i, atSeconds(i)), DAY, 3, ALPHA);
        }

        assertThat(ids(history.payments())).containsExactly("tx-1", "tx-2", "tx-3");
    }

    @Test
    void maxEntriesDropsALatePaymentThatIsTheOldest() {
        CardHistory history = CardHistory.empty()
                .withPayment(payment("b", atSeconds(10)), DAY, 2, ALPHA)
                .withPayment(payment("c", atSeconds(20)), DAY, 2, ALPHA)
                .withPayment(payment("a", atSeconds(5)), DAY, 2, ALPHA);

        assertThat(ids(history.payments())).containsExactly("b", "c");
    }

    @Test
    void maxEntriesKeepsALatePaymentThatIsNotTheOldest() {
        CardHistory history = CardHistory.empty()
                .withPayment(payment("a", atSeconds(0)), DAY, 2, ALPHA)
                .withPayment(payment("c", atSeconds(20)), DAY, 2, ALPHA)
                .withPayment(payment("b", atSeconds(10)), DAY, 2, ALPHA);

        assertThat(ids(history.payments())).containsExactly("b", "c");
    }

    @Test
    void feedsEveryAmountToTheBaselineWithTheGivenAlpha() {
        CardHistory history = CardHistory.empty()
                .withPayment(payment("a", atSeconds(0), 1_000), DAY, 10, 0.5)
                .withPayment(payment("b", atSeconds(1), 3_000), DAY, 10, 0.5);

        assertThat(history.baseline())
                .isEqualTo(AmountBaseline.empty().update(1_000, 0.5).update(3_000, 0.5));
    }

    @Test
    void usesTheDefaultAlphaWhenNoneIsGiven() {
        CardHistory history = historyOf(payment("a", atSeconds(0), 1_000), payment("b", atSeconds(1), 3_000));

        assertThat(history.baseline())
                .isEqualTo(AmountBaseline.empty().update(1_000, ALPHA).update(3_000, ALPHA));
    }

    @Test
    void rebuildsFromStorageInEventTimeOrder() {
        AmountBaseline baseline = new AmountBaseline(3, 1_000, 50);
        List<PastPayment> unordered = List.of(
                new PastPayment("c", 1, null, atSeconds(20)),
                new PastPayment("a", 1, null, atSeconds(0)),
                new PastPayment("b", 1, PARIS, atSeconds(10)));

        CardHistory history = new CardHistory(unordered, baseline);

        assertThat(ids(history.payments())).containsExactly("a", "b", "c");
        assertThat(history.baseline()).isEqualTo(baseline);
    }

    @Test
    void rebuiltHistoryEqualsTheOriginal() {
        CardHistory original = historyOf(payment("a", atSeconds(0)), located("b", atSeconds(5), LONDON));

        CardHistory rebuilt = new CardHistory(original.payments(), original.baseline());

        assertThat(rebuilt).isEqualTo(original);
    }

    @Test
    void paymentsBetweenExcludesTheStartAndIncludesTheEnd() {
        CardHistory history = historyOf(
                payment("a", atSeconds(0)),
                payment("b", atSeconds(10)),
                payment("c", atSeconds(20)),
                payment("d", atSeconds(30)));

        assertThat(ids(history.paymentsBetween(atSeconds(0), atSeconds(20)))).containsExactly("b", "c");
        assertThat(ids(history.paymentsBetween(
                        atSeconds(0).minusNanos(1), atSeconds(20).minusNanos(1))))
                .containsExactly("a", "b");
        assertThat(history.paymentsBetween(atSeconds(30), atSeconds(40))).isEmpty();
    }

    @Test
    void lastLocatedBeforeSkipsPaymentsWithoutLocation() {
        CardHistory history = historyOf(located("paris", atSeconds(0), PARIS), payment("online", atSeconds(10)));

        assertThat(history.lastLocatedBefore(atSeconds(20)))
                .map(PastPayment::transactionId)
                .contains("paris");
    }

    @Test
    void lastLocatedBeforeAnInstantIsStrictlyEarlier() {
        CardHistory history =
                historyOf(located("paris", atSeconds(0), PARIS), located("london", atSeconds(10), LONDON));

        assertThat(history.lastLocatedBefore(atSeconds(10)))
                .map(PastPayment::transactionId)
                .contains("paris");
        assertThat(history.lastLocatedBefore(atSeconds(0))).isEmpty();
    }

    @Test
    void lastLocatedBeforeAPaymentCountsAnotherPaymentAtTheSameInstant() {
        CardHistory history =
                historyOf(located("paris", atSeconds(0), PARIS), located("london", atSeconds(10), LONDON));

        assertThat(history.lastLocatedBefore(atSeconds(10), "new"))
                .map(PastPayment::transactionId)
                .contains("london");
    }

    @Test
    void lastLocatedBeforeAPaymentNeverReturnsThatPayment() {
        CardHistory history =
                historyOf(located("paris", atSeconds(0), PARIS), located("london", atSeconds(10), LONDON));

        assertThat(history.lastLocatedBefore(atSeconds(10), "london"))
                .map(PastPayment::transactionId)
                .contains("paris");
    }

    @Test
    void lastLocatedBeforeIgnoresLaterPayments() {
        CardHistory history =
                historyOf(located("paris", atSeconds(0), PARIS), located("london", atSeconds(100), LONDON));

        assertThat(history.lastLocatedBefore(atSeconds(50), "late"))
                .map(PastPayment::transactionId)
                .contains("paris");
    }

    @Test
    void lastLocatedBeforeIsEmptyWithoutLocatedPayments() {
        assertThat(CardHistory.empty().lastLocatedBefore(T0, "tx")).isEmpty();
        assertThat(historyOf(payment("online", T0)).lastLocatedBefore(atSeconds(1), "tx"))
                .isEmpty();
    }

    @Test
    void rejectsBoundsThatWouldKeepNothing() {
        Payment p = payment("a", T0);

        assertThatThrownBy(() -> CardHistory.empty().withPayment(p, Duration.ZERO, 10, ALPHA))
                .hasMessageContaining("retention");
        assertThatThrownBy(() -> CardHistory.empty().withPayment(p, Duration.ofSeconds(-1), 10, ALPHA))
                .hasMessageContaining("retention");
        assertThatThrownBy(() -> CardHistory.empty().withPayment(p, DAY, 0, ALPHA))
                .hasMessageContaining("maxEntries");
    }
}
