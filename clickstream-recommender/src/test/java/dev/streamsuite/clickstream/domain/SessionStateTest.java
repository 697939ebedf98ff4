package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.at;
import static dev.streamsuite.clickstream.domain.Clicks.cart;
import static dev.streamsuite.clickstream.domain.Clicks.purchase;
import static dev.streamsuite.clickstream.domain.Clicks.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStateTest {

    @Test
    void keepsDistinctItemsMostRecentFirst() {
        SessionState session = SessionState.of(10, List.of(view("a", 0), view("b", 10), view("a", 20)));

        assertThat(session.items()).extracting(ItemInteraction::itemId).containsExactly("a", "b");
    }

    @Test
    void keepsEachItemsStrongestInteractionAndLatestTime() {
        SessionState session = SessionState.of(10, List.of(view("a", 0), cart("a", 10), view("a", 20)));

        assertThat(session.items()).containsExactly(new ItemInteraction("a", Interaction.CART, at(20)));
    }

    @Test
    void forgetsTheOldestItemsBeyondCapacity() {
        SessionState session = SessionState.of(2, List.of(view("a", 0), view("b", 10), view("c", 20)));

        assertThat(session.items()).extracting(ItemInteraction::itemId).containsExactly("c", "b");
    }

    @Test
    void placesALateEventByEventTimeSoItCannotPushOutNewerItems() {
        SessionState session = SessionState.of(2, List.of(view("a", 10), view("b", 20), view("late", 5)));

        assertThat(session.items()).extracting(ItemInteraction::itemId).containsExactly("b", "a");
    }

    @Test
    void letsALateEventStrengthenAnItemWithoutMakingItOlder() {
        SessionState session = SessionState.of(10, List.of(view("a", 20), view("b", 30), purchase("a", 10)));

        assertThat(session.items())
                .containsExactly(
                        new ItemInteraction("b", Interaction.VIEW, at(30)),
                        new ItemInteraction("a", Interaction.PURCHASE, at(20)));
    }

    @Test
    void findsAnItem() {
        SessionState session = SessionState.of(10, List.of(view("a", 0), cart("b", 10)));

        assertThat(session.find("b")).contains(new ItemInteraction("b", Interaction.CART, at(10)));
        assertThat(session.find("x")).isEmpty();
    }

    @Test
    void ordersItemsReadFromStorageMostRecentFirst() {
        ItemInteraction older = new ItemInteraction("a", Interaction.VIEW, at(0));
        ItemInteraction newer = new ItemInteraction("b", Interaction.VIEW, at(10));

        assertThat(new SessionState(5, List.of(older, newer)).items()).containsExactly(newer, older);
    }

    @Test
    void rejectsStoredItemsThatBreakItsInvariants() {
        ItemInteraction a = new ItemInteraction("a", Interaction.VIEW, at(0));
        ItemInteraction b = new ItemInteraction("b", Interaction.VIEW, at(0));

        assertThatThrownBy(() -> new SessionState(5, List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> new SessionState(1, List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> SessionState.empty(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
