package dev.streamsuite.iot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.iot.domain.PlausibleRange;
import dev.streamsuite.iot.topology.IotSettings;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.ReadmeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as the service binds them: from its application.yml, with environment overrides. */
class IotSettingsTest {

    @Test
    void applicationYmlSetsEverySetting() {
        var settings = ServiceSettings.shipped("iot", IotSettings.class);

        assertThat(settings.windowSize()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.grace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.siteWindowSize()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.siteWindowAdvance()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.siteGrace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.retention()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.silentAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.silenceCheckInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.silenceCheckBatch()).isEqualTo(10_000);
        assertThat(settings.forgetAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.hysteresis()).isNull();
        assertThat(settings.limits()).containsOnlyKeys("temperature", "humidity", "pressure", "co2");
    }

    @Test
    void addsPlausibleRangesForMoreSensorTypes() {
        var settings = ServiceSettings.shipped(
                "iot",
                IotSettings.class,
                Map.of(
                        "iot.limits.vibration.min", "0",
                        "iot.limits.vibration.max", "200",
                        "iot.limits.vibration.unit", "mm/s"));

        assertThat(settings.physicalLimits().rangeFor("vibration", "mm/s")).isPresent();
        assertThat(settings.physicalLimits().rangeFor("temperature", "celsius")).isPresent();
    }

    @Test
    void overridesOneEndOfARange() {
        var settings = ServiceSettings.shipped("iot", IotSettings.class, Map.of("iot.limits.temperature.max", "200"));

        assertThat(settings.physicalLimits().rangeFor("temperature", "celsius"))
                .hasValue(new PlausibleRange(-90, 200, "celsius"));
    }

    @Test
    void rejectsAnAdvanceLargerThanTheSiteWindowWithTheKeyInTheMessage() {
        assertThatThrownBy(() ->
                        ServiceSettings.shipped("iot", IotSettings.class, Map.of("iot.site-window-advance", "10m")))
                .rootCause()
                .hasMessageContaining("iot.site-window-advance");
    }

    @Test
    void rejectsSiteWindowsThatDoNotAddUpWholeDeviceWindows() {
        assertThatThrownBy(() ->
                        ServiceSettings.shipped("iot", IotSettings.class, Map.of("iot.site-window-advance", "90s")))
                .rootCause()
                .hasMessageContaining("iot.site-window-advance (PT1M30S) must be a whole number of iot.window-size");
        assertThatThrownBy(() -> ServiceSettings.shipped("iot", IotSettings.class, Map.of("iot.window-size", "2m")))
                .rootCause()
                .hasMessageContaining("iot.site-window-size (PT5M) must be a whole number of iot.window-size (PT2M)");
    }

    @Test
    void theReadmeShowsTheValuesOfApplicationYml() {
        assertThat(ReadmeSettings.assertMatchApplicationYml(
                        Path.of("README.md"), Path.of("src/main/resources/application.yml")))
                .isGreaterThan(5);
    }
}
