package dev.streamsuite.clickstream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import org.junit.jupiter.api.Test;

class InteractionWeightsTest {

    @Test
    void theServiceWeighsViewsOneCartsThreeAndPurchasesFive() {
        InteractionWeights weights = ServiceSettings.shipped("recommender", RecommenderSettings.class)
                .weights();

        assertThat(weights.weightOf(Interaction.VIEW)).isEqualTo(1.0);
        assertThat(weights.weightOf(Interaction.CART)).isEqualTo(3.0);
        assertThat(weights.weightOf(Interaction.PURCHASE)).isEqualTo(5.0);
    }

    @Test
    void usesTheConfiguredWeights() {
        InteractionWeights weights = new InteractionWeights(0.5, 2.0, 10.0);

        assertThat(weights.weightOf(Interaction.VIEW)).isEqualTo(0.5);
        assertThat(weights.weightOf(Interaction.PURCHASE)).isEqualTo(10.0);
    }

    @Test
    void rejectsNegativeOrNonFiniteWeights() {
        assertThatThrownBy(() -> new InteractionWeights(-1.0, 3.0, 5.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("view");
        assertThatThrownBy(() -> new InteractionWeights(1.0, Double.NaN, 5.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cart");
        assertThatThrownBy(() -> new InteractionWeights(1.0, 3.0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purchase");
    }

    @Test
    void ordersInteractionsByStrength() {
        assertThat(Interaction.VIEW.strongest(Interaction.CART)).isEqualTo(Interaction.CART);
        assertThat(Interaction.PURCHASE.strongest(Interaction.VIEW)).isEqualTo(Interaction.PURCHASE);
        assertThat(Interaction.CART.strongest(Interaction.CART)).isEqualTo(Interaction.CART);
    }
}
