package dev.streamsuite.fraud.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.fraud.domain.CardTestingRule;
import dev.streamsuite.fraud.domain.DecisionPolicy;
import dev.streamsuite.fraud.domain.ImpossibleTravelRule;
import dev.streamsuite.fraud.domain.VelocityRule;
import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.ReadmeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings as the service binds them: from its application.yml, with environment overrides. */
class FraudSettingsTest {

    @Test
    void applicationYmlSetsEverySetting() {
        var settings = ServiceSettings.shipped("fraud", FraudSettings.class);

        assertThat(settings.velocity()).isEqualTo(new VelocityRule(5, Duration.ofMinutes(1)));
        assertThat(settings.amountAnomaly().maxZScore()).isEqualTo(4.0);
        assertThat(settings.amountAnomaly().minHistory()).isEqualTo(10);
        assertThat(settings.amountAnomaly().minStdDevMinor()).isEqualTo(1_000.0);
        assertThat(settings.amountAnomaly().categoryLimitsMinor()).isEmpty();
        assertThat(settings.amountAnomaly().baselineAlpha()).isEqualTo(0.1);
        assertThat(settings.impossibleTravel()).isEqualTo(new ImpossibleTravelRule(900, 100));
        assertThat(settings.cardTesting()).isEqualTo(new CardTestingRule(3, 200, 10_000, Duration.ofMinutes(10)));
        assertThat(settings.decisions()).isEqualTo(new DecisionPolicy(0.5, 0.9));
        assertThat(settings.alertCooldown()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxAmountMinor()).isEqualTo(10_000_000_000L);
        assertThat(settings.state())
                .isEqualTo(new FraudSettings.State(
                        Duration.ofMinutes(5),
                        Duration.ofDays(1),
                        500,
                        Duration.ofDays(90),
                        Duration.ofHours(1),
                        10_000));
    }

    @Test
    void bindsOverridesFromConfiguration() {
        var settings = ServiceSettings.shipped(
                "fraud",
                FraudSettings.class,
                Map.of(
                        "fraud.velocity.max-payments", "8",
                        "fraud.amount-anomaly.category-limits-minor.7995", "50000"));

        assertThat(settings.velocity().maxPayments()).isEqualTo(8);
        assertThat(settings.amountAnomaly().categoryLimitsMinor()).containsEntry("7995", 50_000L);
    }

    @Test
    void rejectsARetentionShorterThanTheLongestWindowWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> ServiceSettings.shipped(
                        "fraud", FraudSettings.class, Map.of("fraud.state.history-retention", "2m")))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraud.state.history-retention");
    }

    @Test
    void aMissingBlockIsNamed() {
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of("fraud.alert-cooldown", "1m")))
                        .bindOrCreate("fraud", FraudSettings.class))
                .rootCause()
                .hasMessageContaining("fraud.velocity is not set");
    }

    @Test
    void theReadmeShowsTheValuesOfApplicationYml() {
        assertThat(ReadmeSettings.assertMatchApplicationYml(
                        Path.of("README.md"), Path.of("src/main/resources/application.yml")))
                .isGreaterThan(5);
    }
}
