package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.at;
import static dev.streamsuite.clickstream.domain.Clicks.cart;
import static dev.streamsuite.clickstream.domain.Clicks.purchase;
import static dev.streamsuite.clickstream.domain.Clicks.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentItemsTest {

    @Test
    void keepsTwentyItemsAndAHundredPurchasesByDefault() {
        RecentItems shopper = Clicks.noHistory();

        assertThat(shopper.capacity()).isEqualTo(20);
        assertThat(shopper.purchaseCapacity()).isEqualTo(100);
    }

    @Test
    void keepsDistinctItemsMostRecentFirstWithTheirStrongestInteraction() {
        RecentItems shopper = fold(Clicks.noHistory(), view("a", 0), view("b", 10), cart("a", 20), view("c", 30));

        assertThat(shopper.items())
                .containsExactly(
                        new ItemInteraction("c", Interaction.VIEW, at(30)),
                        new ItemInteraction("a", Interaction.CART, at(20)),
                        new ItemInteraction("b", Interaction.VIEW, at(10)));
        assertThat(shopper.itemIds()).containsExactly("c", "a", "b");
    }

    @Test
    void forgetsTheOldestItemsBeyondCapacity() {
        RecentItems shopper = fold(RecentItems.empty(2, 10), view("a", 0), view("b", 10), view("c", 20));

        assertThat(shopper.itemIds()).containsExactly("c", "b");
    }

    @Test
    void remembersPurchasesAfterTheyHaveLeftTheRecentItems() {
        RecentItems shopper = fold(RecentItems.empty(2, 10), purchase("p", 0), view("b", 10), view("c", 20));

        assertThat(shopper.itemIds()).containsExactly("c", "b");
        assertThat(shopper.purchased()).containsExactly("p");
    }

    @Test
    void keepsTheMostRecentPurchasesWithinPurchaseCapacity() {
        RecentItems shopper = fold(
                RecentItems.empty(10, 2), purchase("a", 0), purchase("b", 10), purchase("c", 20), purchase("b", 30));

        assertThat(shopper.purchased()).containsExactly("b", "c");
    }

    @Test
    void survivesARoundTripThroughItsComponents() {
        RecentItems shopper = fold(Clicks.noHistory(), view("a", 0), purchase("b", 10));

        RecentItems restored =
                new RecentItems(shopper.capacity(), shopper.purchaseCapacity(), shopper.items(), shopper.purchases());

        assertThat(restored).isEqualTo(shopper);
    }

    @Test
    void rejectsStoredPurchasesThatBreakItsInvariants() {
        assertThatThrownBy(() -> new RecentItems(5, 5, List.of(), List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new RecentItems(5, 1, List.of(), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1");
    }

    private static RecentItems fold(RecentItems shopper, SessionEvent... events) {
        for (SessionEvent event : events) {
            shopper = shopper.with(event);
        }
        return shopper;
    }
}
