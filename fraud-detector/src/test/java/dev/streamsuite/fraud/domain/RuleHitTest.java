package dev.streamsuite.fraud.domain;

import static dev.streamsuite.fraud.domain.Payments.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.schemas.payments.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleHitTest {

    private static RuleHit hit(double score, List<String> ids, Map<String, Double> figures) {
        return new RuleHit(score, Severity.LOW, "reason", ids, null, null, figures);
    }

    @Test
    void keepsTheOrderOfTheFigures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("z", 1.0);
        figures.put("a", 2.0);
        figures.put("m", 3.0);

        assertThat(hit(0.5, List.of("tx"), figures).figures().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void isNotChangedThroughTheCollectionsItWasBuiltFrom() {
        List<String> ids = new ArrayList<>(List.of("tx"));
        Map<String, Double> figures = new LinkedHashMap<>(Map.of("count", 1.0));
        RuleHit hit = hit(0.5, ids, figures);

        ids.add("other");
        figures.put("other", 2.0);

        assertThat(hit.transactionIds()).containsExactly("tx");
        assertThat(hit.figures()).containsOnlyKeys("count");
        assertThatThrownBy(() -> hit.figures().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptsTheExtremeScores() {
        assertThat(hit(0.0, List.of("tx"), Map.of()).score()).isZero();
        assertThat(hit(1.0, List.of("tx"), Map.of()).score()).isOne();
    }

    @Test
    void rejectsAScoreOutsideZeroToOne() {
        assertThatThrownBy(() -> hit(1.01, List.of("tx"), Map.of())).hasMessageContaining("score");
        assertThatThrownBy(() -> hit(-0.01, List.of("tx"), Map.of())).hasMessageContaining("score");
        assertThatThrownBy(() -> hit(Double.NaN, List.of("tx"), Map.of())).hasMessageContaining("score");
    }

    @Test
    void rejectsAHitWithoutTransactions() {
        assertThatThrownBy(() -> hit(0.5, List.of(), Map.of())).hasMessageContaining("transaction");
    }

    @Test
    void rejectsAHalfOpenOrBackwardsWindow() {
        assertThatThrownBy(() -> new RuleHit(0.5, Severity.LOW, "r", List.of("tx"), T0, null, Map.of()))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> new RuleHit(0.5, Severity.LOW, "r", List.of("tx"), T0.plusSeconds(1), T0, Map.of()))
                .hasMessageContaining("after");
    }
}
