package dev.streamsuite.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertIdsTest {

    /** Pinned: consumers and other services keep these ids, so they must not change between releases. */
    @Test
    void alertIdIsTheSameForTheSameIncidentInEveryRelease() {
        assertThat(AlertIds.alertId("velocity", 3, "card-1", "tx-1")).isEqualTo("fa911d7e-97b6-3fee-a549-b003198dd325");
    }

    @Test
    void alertIdIsANameBasedUuid() {
        UUID id = UUID.fromString(AlertIds.alertId("velocity", 3, "card-1", "tx-1"));

        assertThat(id.version()).isEqualTo(3);
    }

    @Test
    void alertIdFollowsTheDocumentedCanonicalForm() {
        String expected = UUID.nameUUIDFromBytes(
                        "fraud-alert|8:velocity|1:3|6:card-1|4:tx-1".getBytes(StandardCharsets.UTF_8))
                .toString();

        assertThat(AlertIds.alertId("velocity", 3, "card-1", "tx-1")).isEqualTo(expected);
    }

    @Test
    void alertIdDiffersWhenAnyPartDiffers() {
        String base = AlertIds.alertId("velocity", 3, "card-1", "tx-1");

        assertThat(AlertIds.alertId("velocity-eu", 3, "card-1", "tx-1")).isNotEqualTo(base);
        assertThat(AlertIds.alertId("velocity", 4, "card-1", "tx-1")).isNotEqualTo(base);
        assertThat(AlertIds.alertId("velocity", 3, "card-2", "tx-1")).isNotEqualTo(base);
        assertThat(AlertIds.alertId("velocity", 3, "card-1", "tx-2")).isNotEqualTo(base);
    }

    @Test
    void partsContainingTheSeparatorDoNotCollide() {
        assertThat(AlertIds.alertId("r", 1, "c|t", "x")).isNotEqualTo(AlertIds.alertId("r", 1, "c", "t|x"));
        assertThat(AlertIds.alertId("r", 1, "c|1:t", "x")).isNotEqualTo(AlertIds.alertId("r", 1, "c", "t|1:x"));
    }

    @Test
    void decisionIdIsTheSameForTheSameTransactionInEveryRelease() {
        assertThat(AlertIds.decisionId("tx-1")).isEqualTo("fcf7cbb4-8d11-3b9c-9305-fb74a13f8536");
    }

    @Test
    void decisionIdFollowsTheDocumentedCanonicalForm() {
        String expected = UUID.nameUUIDFromBytes("payment-decision|4:tx-1".getBytes(StandardCharsets.UTF_8))
                .toString();

        assertThat(AlertIds.decisionId("tx-1")).isEqualTo(expected);
    }

    @Test
    void decisionIdDiffersBetweenTransactionsAndFromAlertIds() {
        assertThat(AlertIds.decisionId("tx-1")).isNotEqualTo(AlertIds.decisionId("tx-2"));
        assertThat(AlertIds.decisionId("tx-1")).isNotEqualTo(AlertIds.alertId("tx-1", 0, "", ""));
    }

    @Test
    void rejectsMissingParts() {
        assertThatThrownBy(() -> AlertIds.alertId("velocity", 1, null, "tx")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AlertIds.decisionId(null)).isInstanceOf(NullPointerException.class);
    }
}
