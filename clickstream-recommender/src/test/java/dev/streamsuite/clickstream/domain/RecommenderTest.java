package dev.streamsuite.clickstream.domain;

import static dev.streamsuite.clickstream.domain.Clicks.purchase;
import static dev.streamsuite.clickstream.domain.Clicks.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.schemas.clickstream.RecommendationStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private static final Predicate<String> ALL_ACTIVE = itemId -> true;
    private static final List<TrendingList> NO_TRENDING = List.of();

    private final Recommender recommender = new Recommender(10, 0.5);
    private final Map<String, List<ScoredItem>> related = new HashMap<>();
    private final Function<String, List<ScoredItem>> relatedOf = related::get;

    @Test
    void recommendsTheRelatedItemsOfTheItemJustClickedBestFirst() {
        related.put("a", List.of(scored("x", 4.0), scored("y", 2.0)));

        Recommendation recommendation =
                recommender.recommend(shopper(view("a", 0)), relatedOf, ALL_ACTIVE, NO_TRENDING);

        assertThat(recommendation.items())
                .containsExactly(
                        new RecommendedItem("x", 1.0, "viewed with a"), new RecommendedItem("y", 0.5, "viewed with a"));
        assertThat(recommendation.strategy()).isEqualTo(RecommendationStrategy.PERSONALIZED);
    }

    @Test
    void blendsOlderItemsWithHalfTheWeightOfEachNewerOne() {
        related.put("c", List.of(scored("x", 1.0)));
        related.put("b", List.of(scored("y", 1.0), scored("x", 1.0)));
        related.put("a", List.of(scored("z", 1.0)));

        Recommendation recommendation = recommender.recommend(
                shopper(view("a", 0), view("b", 10), view("c", 20)), relatedOf, ALL_ACTIVE, NO_TRENDING);

        assertThat(recommendation.items())
                .containsExactly(
                        new RecommendedItem("x", 1.5, "viewed with c"),
                        new RecommendedItem("y", 0.5, "viewed with b"),
                        new RecommendedItem("z", 0.25, "viewed with a"));
    }

    @Test
    void scalesEachSourceItemByItsBestScoreSoABestsellerDoesNotDrownTheCurrentItem() {
        related.put("niche", List.of(scored("x", 2.0)));
        related.put("bestseller", List.of(scored("y", 1000.0)));

        Recommendation recommendation = recommender.recommend(
                shopper(view("bestseller", 0), view("niche", 10)), relatedOf, ALL_ACTIVE, NO_TRENDING);

        assertThat(recommendation.itemIds()).containsExactly("x", "y");
    }

    @Test
    void namesTheSourceThatContributedMostAndTheNewerOneOnATie() {
        related.put("new", List.of(scored("x", 1.0), scored("y", 1.0)));
        related.put("old", List.of(scored("y", 1.0)));
        Recommender flat = new Recommender(10, 1.0);

        Recommendation recommendation =
                flat.recommend(shopper(view("old", 0), view("new", 10)), relatedOf, ALL_ACTIVE, NO_TRENDING);

        assertThat(recommendation.items())
                .containsExactly(
                        new RecommendedItem("y", 2.0, "viewed with new"),
                        new RecommendedItem("x", 1.0, "viewed with new"));
    }

    @Test
    void excludesPurchasedItemsEvenAfterTheyHaveLeftTheRecentItems() {
        RecentItems shopper = RecentItems.empty(2, 10)
                .with(purchase("bought", 0))
                .with(view("a", 10))
                .with(view("b", 20));
        related.put("b", List.of(scored("bought", 5.0), scored("x", 1.0)));

        Recommendation recommendation = recommender.recommend(shopper, relatedOf, ALL_ACTIVE, NO_TRENDING);

        assertThat(shopper.itemIds()).doesNotContain("bought");
        assertThat(recommendation.itemIds()).containsExactly("x");
    }

    @Test
    void excludesTheShoppersRecentItemsIncludingTheOneJustClicked() {
        related.put("b", List.of(scored("a", 5.0), scored("b", 4.0), scored("x", 1.0)));
        related.put("a", List.of(scored("b", 5.0)));

        Recommendation recommendation =
                recommender.recommend(shopper(view("a", 0), view("b", 10)), relatedOf, ALL_ACTIVE, NO_TRENDING);

        assertThat(recommendation.itemIds()).containsExactly("x");
    }

    @Test
    void excludesInactiveItemsAskingOncePerItem() {
        related.put("b", List.of(scored("gone", 5.0), scored("x", 1.0)));
        related.put("a", List.of(scored("gone", 5.0), scored("x", 1.0)));
        List<String> asked = new ArrayList<>();
        Predicate<String> isActive = itemId -> {
            asked.add(itemId);
            return !itemId.equals("gone");
        };

        Recommendation recommendation = recommender.recommend(
                shopper(view("a", 0), view("b", 10)),
                relatedOf,
                isActive,
                List.of(TrendingList.global(List.of(scored("gone", 9.0)))));

        assertThat(recommendation.itemIds()).containsExactly("x");
        assertThat(asked).containsExactlyInAnyOrder("gone", "x");
    }

    @Test
    void asksTheCatalogOnlyAboutTheItemsItRecommends() {
        var items = new ArrayList<ScoredItem>();
        for (int i = 0; i < 30; i++) {
            items.add(scored("item-" + i, 30 - i));
        }
        related.put("a", items);
        List<String> asked = new ArrayList<>();

        Recommendation recommendation =
                new Recommender(3, 0.5).recommend(shopper(view("a", 0)), relatedOf, asked::add, NO_TRENDING);

        assertThat(recommendation.itemIds()).containsExactly("item-0", "item-1", "item-2");
        assertThat(asked).containsExactlyInAnyOrder("item-0", "item-1", "item-2");
    }

    @Test
    void scalesASourceByItsBestActiveRelatedItemWhenItsBestIsInactive() {
        related.put("a", List.of(scored("x", 2.0), scored("gone", 8.0), scored("y", 1.0)));

        Recommendation recommendation =
                recommender.recommend(shopper(view("a", 0)), relatedOf, itemId -> !itemId.equals("gone"), NO_TRENDING);

        assertThat(recommendation.items())
                .containsExactly(
                        new RecommendedItem("x", 1.0, "viewed with a"), new RecommendedItem("y", 0.5, "viewed with a"));
    }

    @Test
    void fillsAColdStartWithTrendingItems() {
        List<TrendingList> trending =
                List.of(TrendingList.global(List.of(scored("t1", 30.0), scored("t2", 20.0), scored("t3", 10.0))));

        Recommendation recommendation =
                new Recommender(2, 0.5).recommend(Clicks.noHistory(), relatedOf, ALL_ACTIVE, trending);

        assertThat(recommendation.items())
                .containsExactly(
                        new RecommendedItem("t1", 30.0, "trending"), new RecommendedItem("t2", 20.0, "trending"));
        assertThat(recommendation.strategy()).isEqualTo(RecommendationStrategy.TRENDING);
    }

    @Test
    void topsUpPersonalizedItemsWithTrendingOnesWithoutDuplicates() {
        related.put("a", List.of(scored("x", 2.0), scored("y", 1.0)));
        List<TrendingList> trending = List.of(TrendingList.global(List.of(scored("x", 9.0), scored("z", 8.0))));

        Recommendation recommendation =
                new Recommender(3, 0.5).recommend(shopper(view("a", 0)), relatedOf, ALL_ACTIVE, trending);

        assertThat(recommendation.items())
                .containsExactly(
                        new RecommendedItem("x", 1.0, "viewed with a"),
                        new RecommendedItem("y", 0.5, "viewed with a"),
                        new RecommendedItem("z", 8.0, "trending"));
        assertThat(recommendation.strategy()).isEqualTo(RecommendationStrategy.PERSONALIZED);
    }

    @Test
    void takesTrendingListsInTheOrderGiven() {
        List<TrendingList> trending = List.of(
                TrendingList.inCategory("books", List.of(scored("novel", 3.0))),
                TrendingList.global(List.of(scored("phone", 50.0), scored("novel", 40.0), scored("cable", 30.0))));

        Recommendation recommendation =
                new Recommender(3, 0.5).recommend(Clicks.noHistory(), relatedOf, ALL_ACTIVE, trending);

        assertThat(recommendation.items())
                .containsExactly(
                        new RecommendedItem("novel", 3.0, "trending in books"),
                        new RecommendedItem("phone", 50.0, "trending"),
                        new RecommendedItem("cable", 30.0, "trending"));
    }

    @Test
    void keepsPurchasedRecentAndInactiveItemsOutOfTheTrendingFillToo() {
        RecentItems shopper = shopper(purchase("bought", 0), view("seen", 10));
        List<TrendingList> trending = List.of(TrendingList.global(
                List.of(scored("bought", 4.0), scored("seen", 3.0), scored("gone", 2.0), scored("fresh", 1.0))));

        Recommendation recommendation =
                recommender.recommend(shopper, relatedOf, itemId -> !itemId.equals("gone"), trending);

        assertThat(recommendation.itemIds()).containsExactly("fresh");
    }

    @Test
    void fallsBackToTrendingWhenEveryRelatedItemIsExcluded() {
        related.put("a", List.of(scored("bought", 1.0)));
        RecentItems shopper = shopper(purchase("bought", 0), view("a", 10));

        Recommendation recommendation = recommender.recommend(
                shopper, relatedOf, ALL_ACTIVE, List.of(TrendingList.global(List.of(scored("t", 1.0)))));

        assertThat(recommendation.items()).containsExactly(new RecommendedItem("t", 1.0, "trending"));
        assertThat(recommendation.strategy()).isEqualTo(RecommendationStrategy.TRENDING);
    }

    @Test
    void returnsNothingWhenNothingIsKnown() {
        Recommendation recommendation =
                recommender.recommend(shopper(view("unknown", 0)), relatedOf, ALL_ACTIVE, NO_TRENDING);

        assertThat(recommendation.items()).isEmpty();
        assertThat(recommendation.strategy()).isEqualTo(RecommendationStrategy.TRENDING);
    }

    @Test
    void recommendsAtMostTheLimit() {
        List<ScoredItem> many = new ArrayList<>();
        for (int item = 0; item < 30; item++) {
            many.add(scored(String.format("x%02d", item), 30 - item));
        }
        related.put("a", many);

        Recommendation recommendation =
                recommender.recommend(shopper(view("a", 0)), relatedOf, ALL_ACTIVE, List.of(TrendingList.global(many)));

        assertThat(recommendation.itemIds())
                .hasSize(10)
                .startsWith("x00", "x01")
                .endsWith("x09");
    }

    @Test
    void breaksTiesByItemIdWhateverOrderTheRelatedItemsComeIn() {
        related.put("a", List.of(scored("z", 1.0), scored("y", 1.0), scored("w", 1.0)));
        Recommendation zyx = recommender.recommend(shopper(view("a", 0)), relatedOf, ALL_ACTIVE, NO_TRENDING);
        related.put("a", List.of(scored("w", 1.0), scored("y", 1.0), scored("z", 1.0)));
        Recommendation xyz = recommender.recommend(shopper(view("a", 0)), relatedOf, ALL_ACTIVE, NO_TRENDING);

        assertThat(zyx).isEqualTo(xyz);
        assertThat(zyx.itemIds()).containsExactly("w", "y", "z");
    }

    @Test
    void givesTheSameRecommendationForTheSameInputs() {
        related.put("a", List.of(scored("x", 1.0), scored("y", 3.0)));
        related.put("b", List.of(scored("y", 1.0), scored("z", 2.0)));
        RecentItems shopper = shopper(view("a", 0), view("b", 10));
        List<TrendingList> trending = List.of(TrendingList.global(List.of(scored("t", 1.0))));

        Recommendation first = recommender.recommend(shopper, relatedOf, ALL_ACTIVE, trending);
        Recommendation second = recommender.recommend(shopper, relatedOf, ALL_ACTIVE, trending);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void rejectsALimitOrRecencyFactorOutOfRange() {
        assertThatThrownBy(() -> new Recommender(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recommender(10, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recommender(10, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScoredItem scored(String itemId, double score) {
        return new ScoredItem(itemId, score);
    }

    private static RecentItems shopper(SessionEvent... events) {
        RecentItems shopper = Clicks.noHistory();
        for (SessionEvent event : events) {
            shopper = shopper.with(event);
        }
        return shopper;
    }
}
