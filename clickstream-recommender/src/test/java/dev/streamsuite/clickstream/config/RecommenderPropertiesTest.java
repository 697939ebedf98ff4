package dev.streamsuite.clickstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.clickstream.topology.RecommenderSettings;
import dev.streamsuite.testsupport.ApplicationYml;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RecommenderPropertiesTest {

    @Test
    void defaultValuesInTheCodeAreThoseOfTheTopologySettings() {
        assertThat(bind(Map.of()).toSettings()).isEqualTo(RecommenderSettings.DEFAULTS);
    }

    @Test
    void theServicesApplicationYmlDeclaresTheTopologySettingsDefaults() {
        assertThat(ApplicationYml.bind("recommender", RecommenderProperties.class)
                        .toSettings())
                .isEqualTo(RecommenderSettings.DEFAULTS);
    }

    @Test
    void rejectsARecencyFactorAboveOneWithTheKeyInTheMessage() {
        var properties = bind(Map.of("recommender.recency-factor", "1.5"));

        assertThatThrownBy(properties::toSettings).hasMessageContaining("recommender.recency-factor");
    }

    private static RecommenderProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("recommender", RecommenderProperties.class);
    }
}
