package dev.streamsuite.iot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.iot.topology.IotSettings;
import dev.streamsuite.testsupport.ApplicationYml;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IotPropertiesTest {

    @Test
    void defaultValuesInTheCodeAreThoseOfTheTopologySettings() {
        assertThat(bind(Map.of()).toSettings()).isEqualTo(IotSettings.DEFAULTS);
    }

    @Test
    void theServicesApplicationYmlDeclaresTheTopologySettingsDefaults() {
        assertThat(ApplicationYml.bind("iot", IotProperties.class).toSettings()).isEqualTo(IotSettings.DEFAULTS);
    }

    @Test
    void addsPlausibleRangesForMoreSensorTypes() {
        var settings = bind(Map.of(
                        "iot.limits.vibration.min", "0",
                        "iot.limits.vibration.max", "200",
                        "iot.limits.vibration.unit", "mm/s"))
                .toSettings();

        assertThat(settings.limits().rangeFor("vibration", "mm/s")).isPresent();
    }

    @Test
    void rejectsAnAdvanceLargerThanTheSiteWindowWithTheKeyInTheMessage() {
        var properties = bind(Map.of("iot.site-window-advance", "10m"));

        assertThatThrownBy(properties::toSettings).hasMessageContaining("iot.site-window-advance");
    }

    private static IotProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("iot", IotProperties.class);
    }
}
