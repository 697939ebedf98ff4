package dev.streamsuite.clickstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.clickstream.domain.InteractionWeights;
import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.ReadmeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as the service binds them: from its application.yml, with environment overrides. */
class RecommenderSettingsTest {

    @Test
    void applicationYmlSetsEverySetting() {
        assertThat(ServiceSettings.shipped("recommender", RecommenderSettings.class))
                .isEqualTo(new RecommenderSettings(
                        new InteractionWeights(1, 3, 5),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(5),
                        20,
                        30,
                        Duration.ofDays(7),
                        0.01,
                        Duration.ofHours(1),
                        Duration.ofMinutes(10),
                        20,
                        20,
                        10,
                        0.5,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(1),
                        Duration.ofDays(30),
                        Duration.ofDays(90),
                        Duration.ofHours(1),
                        10_000,
                        20_000,
                        1_000));
    }

    @Test
    void bindsOverridesFromConfiguration() {
        var settings = ServiceSettings.shipped(
                "recommender",
                RecommenderSettings.class,
                Map.of("recommender.weights.purchase", "8", "recommender.session-gap", "10m"));

        assertThat(settings.weights()).isEqualTo(new InteractionWeights(1, 3, 8));
        assertThat(settings.sessionGap()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void rejectsARecencyFactorAboveOneWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> ServiceSettings.shipped(
                        "recommender", RecommenderSettings.class, Map.of("recommender.recency-factor", "1.5")))
                .rootCause()
                .hasMessageContaining("recommender.recency-factor");
    }

    @Test
    void rejectsATrendingWindowThatIsNotAWholeNumberOfAdvances() {
        assertThatThrownBy(() -> ServiceSettings.shipped(
                        "recommender", RecommenderSettings.class, Map.of("recommender.trending-advance", "25m")))
                .rootCause()
                .hasMessageContaining("recommender.trending-window (PT1H) must be a whole number of")
                .hasMessageContaining("recommender.trending-advance (PT25M)");
    }

    @Test
    void theReadmeShowsTheValuesOfApplicationYml() {
        assertThat(ReadmeSettings.assertMatchApplicationYml(
                        Path.of("README.md"), Path.of("src/main/resources/application.yml")))
                .isGreaterThan(5);
    }
}
