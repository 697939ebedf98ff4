package dev.streamsuite.fraud.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.fraud.topology.FraudSettings;
import dev.streamsuite.testsupport.ApplicationYml;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FraudPropertiesTest {

    @Test
    void defaultValuesInTheCodeAreThoseOfTheTopologySettings() {
        assertThat(bind(Map.of()).toSettings()).isEqualTo(FraudSettings.DEFAULTS);
    }

    @Test
    void theServicesApplicationYmlDeclaresTheTopologySettingsDefaults() {
        assertThat(ApplicationYml.bind("fraud", FraudProperties.class).toSettings())
                .isEqualTo(FraudSettings.DEFAULTS);
    }

    @Test
    void bindsOverridesFromConfiguration() {
        var settings = bind(Map.of(
                        "fraud.velocity.max-payments", "8",
                        "fraud.amount-anomaly.category-limits-minor.7995", "50000"))
                .toSettings();

        assertThat(settings.velocity().maxPayments()).isEqualTo(8);
        assertThat(settings.amountAnomaly().categoryLimitsMinor()).containsEntry("7995", 50_000L);
    }

    @Test
    void rejectsARetentionShorterThanTheLongestWindowWithTheKeyInTheMessage() {
        var properties = bind(Map.of("fraud.state.history-retention", "2m"));

        assertThatThrownBy(properties::toSettings)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraud.state.history-retention");
    }

    private static FraudProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("fraud", FraudProperties.class);
    }
}
