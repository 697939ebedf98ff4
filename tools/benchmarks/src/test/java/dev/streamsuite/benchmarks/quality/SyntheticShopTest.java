package dev.streamsuite.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.clickstream.domain.Interaction;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticShopTest {

    private static final SyntheticShop.Shape TINY = new SyntheticShop.Shape(3, 10, 20, 3, 4, Duration.ofDays(7));

    @Test
    void generatesTheSameClicksForTheSameSeed() {
        assertThat(SyntheticShop.generate(5, TINY).clicks())
                .isEqualTo(SyntheticShop.generate(5, TINY).clicks());
    }

    @Test
    void generatesDifferentClicksForAnotherSeed() {
        assertThat(SyntheticShop.generate(5, TINY).clicks())
                .isNotEqualTo(SyntheticShop.generate(6, TINY).clicks());
    }

    @Test
    void listsClicksInEventTimeOrderWithinTheSpan() {
        List<SyntheticShop.Click> clicks = SyntheticShop.generate(5, TINY).clicks();

        assertThat(clicks)
                .isSortedAccordingTo(Comparator.comparing(click -> click.event().eventTime()));
        assertThat(clicks.get(0).event().eventTime()).isAfterOrEqualTo(SyntheticShop.START);
        // A session starts within the span and lasts well under a day.
        assertThat(clicks.get(clicks.size() - 1).event().eventTime())
                .isBefore(SyntheticShop.START.plus(TINY.span()).plus(Duration.ofDays(1)));
    }

    @Test
    void givesEveryItemThreeToFiveCompanionsInItsOwnCategory() {
        SyntheticShop shop = SyntheticShop.generate(5, TINY);

        for (int category = 0; category < TINY.categories(); category++) {
            for (int index = 0; index < TINY.itemsPerCategory(); index++) {
                String item = String.format("c%02d-i%03d", category, index);
                String prefix = item.substring(0, 4);

                assertThat(shop.companionsOf(item))
                        .hasSizeBetween(3, 5)
                        .doesNotHaveDuplicates()
                        .doesNotContain(item)
                        .allSatisfy(companion -> assertThat(companion).startsWith(prefix));
            }
        }
    }

    @Test
    void includesCartsAndPurchases() {
        List<SyntheticShop.Click> clicks =
                SyntheticShop.generate(5, SyntheticShop.Shape.defaults()).clicks();

        assertThat(clicks)
                .extracting(click -> click.event().interaction())
                .contains(Interaction.VIEW, Interaction.CART, Interaction.PURCHASE);
    }
}
